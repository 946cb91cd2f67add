#pragma once

// A power tuning dialog over a real local platform in a temporary folder: one Node function
// (256 MB) with one saved test payload, on the local connection.

#include "support/LocalFixture.h"

#include "models/testing/PayloadStore.h"
#include "ui/metrics/PowerTuningDialog.h"

#include <QPushButton>
#include <QTest>

#include <memory>

namespace funcdesk::test {

struct PowerTuningFixture
{
    PowerTuningFixture(const QString &function, const QString &code, const SavedPayload &payload)
    {
        local.put(function, code, 256);
        const PayloadStore payloads(local.dir.filePath(QStringLiteral("payloads")));
        if (!payloads.save(QStringLiteral("local"), function, {payload}))
            qFatal("could not save the test payload");
        dialog = std::make_unique<PowerTuningDialog>(local.platform.get(), QStringLiteral("local"), function,
                                                     &local.engine->executor(), payloads);
    }

    // Start is enabled once the platform's limits arrived and the memory sizes are offered.
    QPushButton *startWhenReady() const
    {
        auto *start = dialog->findChild<QPushButton *>(QStringLiteral("startTuning"));
        if (!start || !QTest::qWaitFor([start] { return start->isEnabled(); }, 15000))
            qFatal("the power tuning dialog did not become ready");
        return start;
    }

    LocalFixture local;
    std::unique_ptr<PowerTuningDialog> dialog;
};

} // namespace funcdesk::test
