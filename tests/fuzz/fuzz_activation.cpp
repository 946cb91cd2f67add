// libFuzzer target: the activation record's JSON reader (core/Activation: a stored record, a
// remote platform's answer) and its two writers, which must agree byte for byte.
#include "core/Activation.h"
#include "tests/fuzz/FuzzEntity.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    funcdesk::fuzz::fuzzEntity<funcdesk::Activation>(data, size);
    const QJsonDocument document = QJsonDocument::fromJson(funcdesk::fuzz::bytesOf(data, size));
    if (!document.isObject())
        return 0;
    const auto activation = funcdesk::Activation::fromJson(document.object());
    if (!activation)
        return 0;
    FUZZ_CHECK(activation->toCompactJson() == QJsonDocument(activation->toJson()).toJson(QJsonDocument::Compact),
               "toCompactJson() writes what QJsonDocument writes");
    return 0;
}
