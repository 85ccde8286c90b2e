#include "securebytes.h"

#include "sodiumruntime.h"

#include <QLoggingCategory>

#include <sodium.h>

#include <atomic>
#include <cstring>
#include <utility>

namespace fieldnotes {

namespace {
Q_LOGGING_CATEGORY(lcMemory, "fieldnotes.memory")

std::atomic<bool> lockingFailed{false};
} // namespace

SecureBytes::SecureBytes(std::size_t size)
{
    ensureSodiumInitialised();
    // sodium_malloc(0) is allowed but keep a real page so data() is never dangling.
    m_data = static_cast<unsigned char *>(sodium_malloc(size == 0 ? 1 : size));
    if (m_data) {
        m_size = size;
        sodium_memzero(m_data, size == 0 ? 1 : size);
        // sodium_malloc keeps going when mlock fails (the ulimit -l limit, 64 KiB on Android):
        // locking again tells whether this secret may be swapped, and the log says so once.
        if (sodium_mlock(m_data, size == 0 ? 1 : size) != 0 && !lockingFailed.exchange(true))
            qCWarning(lcMemory, "the locked-memory limit (ulimit -l) is reached: keys and passphrases may be "
                                "written to swap from now on; raise the limit or turn swap off");
    }
}


SecureBytes::~SecureBytes()
{
    wipe();
}

SecureBytes::SecureBytes(SecureBytes &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0))
{
}

SecureBytes &SecureBytes::operator=(SecureBytes &&other) noexcept
{
    if (this != &other) {
        wipe();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

SecureBytes SecureBytes::copyOf(const void *data, std::size_t size)
{
    SecureBytes copy(size);
    if (!copy.isNull() && size > 0)
        std::memcpy(copy.m_data, data, size);
    return copy;
}

bool SecureBytes::operator==(const SecureBytes &other) const
{
    return m_size == other.m_size && (m_size == 0 || sodium_memcmp(m_data, other.m_data, m_size) == 0);
}

void SecureBytes::wipe()
{
    if (m_data)
        sodium_free(m_data); // sodium_free zeroes before releasing
    m_data = nullptr;
    m_size = 0;
}

} // namespace fieldnotes
