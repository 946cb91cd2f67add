#pragma once

#include "tests/fuzz/FuzzCheck.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace funcdesk::fuzz {

// The JSON reader of one entity (its fromJson, as the server reads a PUT body and the store reads
// a row): bad input is an error, never a crash; what it accepts it writes back losslessly, so
// reading what toJson() wrote gives the same entity and the same JSON again.
template <typename Entity> int fuzzEntity(const uint8_t *data, size_t size)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(bytesOf(data, size), &error);
    if (!document.isObject())
        return 0;
    auto parsed = Entity::fromJson(document.object());
    if (!parsed) {
        FUZZ_CHECK(!parsed.error().message.isEmpty(), "a refused entity says why");
        return 0;
    }
    const QJsonObject written = parsed->toJson();
    auto again = Entity::fromJson(written);
    FUZZ_CHECK(again.ok(), "what toJson() wrote is read back");
    FUZZ_CHECK(*again == *parsed, "reading what toJson() wrote gives the same entity");
    FUZZ_CHECK(again->toJson() == written, "writing it again gives the same JSON");
    return 0;
}

} // namespace funcdesk::fuzz
