#pragma once

#include <QString>

#include <optional>

namespace funcdesk {

// OpenWhisk entity versions: "major.minor.patch"; an update bumps the patch ("0.0.9" → "0.0.10").
struct SemVer
{
    int major = 0;
    int minor = 0;
    int patch = 1;

    static std::optional<SemVer> parse(const QString &text);
    QString toString() const;
    SemVer nextPatch() const { return {major, minor, patch + 1}; }

    friend auto operator<=>(const SemVer &, const SemVer &) = default;
};

} // namespace funcdesk
