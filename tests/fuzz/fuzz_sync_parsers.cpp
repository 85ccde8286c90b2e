// libFuzzer target over every parser of bytes that reach Fieldnotes from outside: request JSON,
// envelopes and their sealed bytes, engagement records, roster entries, receipts, collected statements, enrolment codes, request signature
// headers, exported signed notes, canonical note CBOR, hex and timestamps. The first byte picks
// the parser. Beyond "never crashes", what a parser accepts must survive its own round trip.
#include "concernfollowups.h"
#include "deskreview.h"
#include "engagementrecord.h"
#include "enrolmentcode.h"
#include "envelope.h"
#include "requestsignature.h"
#include "rosterentry.h"
#include "signedenvelopelist.h"
#include "sources.h"
#include "signednote.h"
#include "signednotejson.h"
#include "syncencoding.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <sodium.h>

#include <cstdint>
#include <cstdlib>

using namespace fieldnotes;
using namespace fieldnotes::sync;

namespace {
void require(bool condition)
{
    if (!condition)
        std::abort(); // libFuzzer reports this input as a crash
}

template <typename T>
void roundTrips(const QByteArray &bytes)
{
    auto object = parseJsonObject(bytes);
    if (!object)
        return;
    auto parsed = T::fromJson(*object);
    if (!parsed)
        return;
    auto again = T::fromJson(parsed->toJson());
    require(again.ok() && canonicalJson(again->toJson()) == canonicalJson(parsed->toJson()));
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    switch (data[0] % 14) {
    case 0: {
        auto object = parseJsonObject(bytes);
        if (object)
            require(parseJsonObject(canonicalJson(*object)).ok());
        break;
    }
    case 1:
        roundTrips<Envelope>(bytes);
        break;
    case 2:
        roundTrips<Receipt>(bytes);
        break;
    case 3:
        roundTrips<CollectedStatement>(bytes);
        break;
    case 4: {
        auto entry = RosterEntry::fromJsonText(bytes);
        if (entry)
            require(RosterEntry::fromJsonText(canonicalJson(entry->toJson())).ok());
        [[maybe_unused]] auto list = RosterEntry::listFromJson(QJsonDocument::fromJson(bytes).array());
        break;
    }
    case 5: {
        auto code = EnrolmentCode::fromText(QString::fromUtf8(bytes));
        if (code)
            require(EnrolmentCode::fromText(code->toText()).ok());
        break;
    }
    case 6: {
        QList<QPair<QByteArray, QByteArray>> headers;
        for (const QByteArray &line : bytes.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            headers.append({line.left(colon), colon < 0 ? QByteArray() : line.mid(colon + 1)});
        }
        [[maybe_unused]] auto signature = RequestSignature::fromHeaders(headers);
        break;
    }
    case 7: {
        auto object = parseJsonObject(bytes);
        if (!object)
            break;
        auto note = signedNoteFromJson(*object);
        if (note) {
            auto again = signedNoteFromJson(signedNoteToJson(*note));
            require(again.ok() && again->canonical == note->canonical && again->content == note->content);
        }
        break;
    }
    case 8: {
        // Canonical CBOR: whatever decodes must be exactly what encoding gives back.
        auto content = decodeCanonicalNote(bytes);
        if (content)
            require(encodeCanonicalNote(*content) == bytes);
        break;
    }
    case 9: {
        const QString text = QString::fromUtf8(bytes);
        const QDateTime time = parseCanonicalTimestamp(text);
        if (time.isValid())
            require(parseCanonicalTimestamp(canonicalTimestamp(time)) == time);
        [[maybe_unused]] auto hex = fromHex(text);
        break;
    }
    case 10: {
        // Engagement records and the engagement form the set-up shares with them.
        roundTrips<EngagementRecord>(bytes);
        auto object = parseJsonObject(bytes);
        if (!object)
            break;
        auto engagement = engagementFromJson(*object, QStringLiteral("review"));
        if (engagement) {
            auto again = engagementFromJson(engagementToJson(*engagement), QStringLiteral("review"));
            require(again.ok() && *again == *engagement);
        }
        break;
    }
    case 11: {
        // The evidence desk's signed and set-up formats: concern follow-ups (checked against the
        // key they name, so the signature path runs), desk-top reviews and sources.
        auto object = parseJsonObject(bytes);
        if (!object)
            break;
        const QByteArray key = fromHex(object->value(QStringLiteral("record"))[QStringLiteral("leader_key")].toString()).value_or(QByteArray());
        auto followUp = ConcernFollowUp::fromJson(*object, key);
        if (followUp) {
            auto again = ConcernFollowUp::fromJson(followUp->toJson(), key);
            require(again.ok() && again->signedBytes() == followUp->signedBytes());
        }
        auto reviews = deskReviewsFromJson(object->value(QStringLiteral("desk_reviews")).toArray());
        if (reviews) {
            auto again = deskReviewsFromJson(deskReviewsToJson(*reviews));
            require(again.ok() && *again == *reviews);
        }
        QString error;
        auto sources = sourcesFromJson(object->value(QStringLiteral("sources")).toArray(), &error);
        if (sources) {
            auto again = sourcesFromJson(sourcesToJson(*sources), &error);
            require(again && *again == *sources);
        }
        break;
    }
    case 12: {
        // The sealed bytes as a leader opens them (any recipient count, any version): never a
        // crash, and nothing opens without the key.
        static const auto box = [] {
            std::pair<QByteArray, SecureBytes> keys{QByteArray(crypto_box_PUBLICKEYBYTES, '\0'), SecureBytes(crypto_box_SECRETKEYBYTES)};
            crypto_box_keypair(reinterpret_cast<unsigned char *>(keys.first.data()), keys.second.data());
            return keys;
        }();
        if (bytes.size() <= qsizetype(crypto_box_SEALBYTES))
            break;
        Envelope envelope;
        envelope.sequence = 1;
        envelope.sealed = bytes;
        require(!openSealedContent(envelope, box.first, box.second).ok());
        break;
    }
    default: {
        [[maybe_unused]] auto document = QJsonDocument::fromJson(bytes);
        [[maybe_unused]] auto hash = blake2b256(bytes);
        break;
    }
    }
    return 0;
}
