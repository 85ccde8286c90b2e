#pragma once

#include <QByteArray>

#include <cstddef>

namespace fieldnotes {

/// Bytes for keys and passphrases: libsodium guarded memory, locked against swapping and
/// wiped when freed. Move-only, so a secret has exactly one owner.
class SecureBytes
{
public:
    SecureBytes() = default;
    /// Allocates size zeroed bytes; isNull() tells whether the allocation failed.
    explicit SecureBytes(std::size_t size);
    ~SecureBytes();
    SecureBytes(SecureBytes &&other) noexcept;
    SecureBytes &operator=(SecureBytes &&other) noexcept;
    SecureBytes(const SecureBytes &) = delete;
    SecureBytes &operator=(const SecureBytes &) = delete;

    static SecureBytes copyOf(const void *data, std::size_t size);

    unsigned char *data() { return m_data; }
    const unsigned char *data() const { return m_data; }
    std::size_t size() const { return m_size; }
    bool isNull() const { return m_data == nullptr; }
    bool isEmpty() const { return m_size == 0; }
    bool operator==(const SecureBytes &other) const;

    /// Frees (and so wipes) the bytes now.
    void wipe();

private:
    unsigned char *m_data = nullptr;
    std::size_t m_size = 0;
};

} // namespace fieldnotes
