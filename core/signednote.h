#pragma once

#include "notekind.h"
#include "securebytes.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace fieldnotes {

/// Everything an author signs about a note (docs/signed-note-format.md lists the encoding).
struct SignedNoteContent {
    /// 1: the first format; 2 adds who signed, as the signing tablet knew them (role and label).
    static constexpr int currentFormatVersion = 2;
    int formatVersion = currentFormatVersion;
    QString id;
    QString reviewId;
    QString engagementId;
    NoteKind kind = NoteKind::Observation;
    QString text;
    bool evidenceAsked = false;
    bool evidenceGiven = false;
    QByteArray amendsHash;   // empty unless an amendment
    QDateTime createdAt;     // UTC, millisecond precision
    QDateTime signedAt;      // UTC, millisecond precision
    QByteArray authorKey;    // Ed25519 public key, 32 bytes
    qint64 sequence = 0;     // 1, 2, 3, ... per author device
    QByteArray previousHash; // hash of the author's note sequence-1; empty for sequence 1
    // Version 2: who signed, as signed (not as shown later): "reviewer", "team-leader" or
    // "young-inspector", and the member's name or the tablet's enrolled label (may be empty).
    QString signerRole;
    QString signerLabel;

    friend bool operator==(const SignedNoteContent &, const SignedNoteContent &) = default;
};

/// A signed note as stored, exported and verified: the readable content plus the exact signed bytes.
struct SignedNote {
    SignedNoteContent content;
    QByteArray canonical; // the bytes that were signed
    QByteArray signature; // Ed25519, 64 bytes
    QByteArray hash;      // BLAKE2b-256(canonical || signature)
    // Set when this device removed the content after the team leader collected the note: then
    // the text and canonical are empty, and only the hash, signature and chain position remain.
    QDateTime contentRemovedAt;

    bool contentRemoved() const { return contentRemovedAt.isValid(); }
};

/// Deterministic CBOR (RFC 8949 section 4.2.1) of the content.
QByteArray encodeCanonicalNote(const SignedNoteContent &content);
/// The content, or nothing if the bytes are not exactly what encodeCanonicalNote would produce.
std::optional<SignedNoteContent> decodeCanonicalNote(const QByteArray &canonical);
/// BLAKE2b-256 over canonical followed by signature: the note's identity in chains and amendments.
QByteArray noteHash(const QByteArray &canonical, const QByteArray &signature);
/// Encodes, signs with the Ed25519 secret key (libsodium's 64-byte form) and hashes.
SignedNote signNoteContent(const SignedNoteContent &content, const SecureBytes &secretKey);
/// The export names of the fields in which two contents differ.
QStringList differingFields(const SignedNoteContent &a, const SignedNoteContent &b);

/// The canonical timestamp form, e.g. 2026-11-26T15:05:23.123Z.
QString canonicalTimestamp(const QDateTime &time);
QDateTime parseCanonicalTimestamp(const QString &text);

} // namespace fieldnotes
