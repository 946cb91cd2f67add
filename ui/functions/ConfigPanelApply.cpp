// The configuration panel's round trips after loading: Apply and its Cancel, Refresh after a
// cancelled Apply, and the warm-instances count (the rest of ConfigPanel is in ConfigPanel.cpp).

#include "ui/functions/ConfigPanel.h"

#include "core/FutureCallback.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QTimer>

namespace funcdesk {

namespace {
// Minimum instances start in the background after an Apply, and warm processes come and go:
// the count is read again this often while the panel is shown (a GET without the code).
constexpr int kWarmRefreshMs = 2000;
} // namespace

void ConfigPanel::apply()
{
    const FunctionConfigForm form = readForm();
    if (!form.validate().isEmpty() || !m_platform)
        return;
    const quint64 request = ++m_applyRequest;
    m_applying = true;
    m_refresh->hide();
    setBusy(true, tr("Applying…"));
    const QString name = m_name;
    QPointer<Platform> platform = m_platform;
    onResult(m_platform->putAction(name, form.toUpdate(), PutOptions{true, form.removedAnnotations()}), this,
             [this, platform, name, form, request](Result<Action> stored) {
                 if (platform != m_platform || name != m_name || request != m_applyRequest)
                     return;
                 m_applying = false;
                 if (!stored) {
                     // Keep what the user typed; say what the server said.
                     setBusy(false, tr("Not applied: %1").arg(stored.error().message));
                     revalidate();
                     return;
                 }
                 m_loaded = FunctionConfigForm(stored.value(), form.platform());
                 showForm(m_loaded);
                 const QString message =
                     tr("Applied: %1 is now version %2.").arg(name, stored->version.value_or(QString()));
                 setBusy(false, message);
                 Q_EMIT statusMessage(message);
                 Q_EMIT applied(stored.value());
             });
}

void ConfigPanel::cancelApply()
{
    if (!m_applying)
        return;
    ++m_applyRequest; // the answer, whenever it comes, is dropped
    m_applying = false;
    setBusy(false, tr("Stopped waiting. The new settings had already been sent and cannot be called back: whether "
                      "%1 has them is unknown. Refresh shows what the platform has; the form keeps what you typed.")
                       .arg(m_name));
    m_refresh->show();
    Q_EMIT statusMessage(m_status->text());
}

void ConfigPanel::refreshLoaded()
{
    if (!m_platform || m_name.isEmpty())
        return;
    const QString name = m_name;
    QPointer<Platform> platform = m_platform;
    m_refresh->setEnabled(false);
    m_status->setText(tr("Loading configuration…"));
    onResult(m_platform->getAction(name, false), this, [this, platform, name](Result<Action> action) {
        if (platform != m_platform || name != m_name)
            return;
        m_refresh->setEnabled(true);
        if (!action) {
            m_status->setText(tr("Could not load %1: %2").arg(name, action.error().message));
            return;
        }
        // The platform's settings become the baseline; the form stays as typed, so Apply is
        // offered only if it still differs from them.
        m_loaded = FunctionConfigForm(action.value(), m_loaded.platform());
        m_warmInstances->setText(m_loaded.warmInstancesText());
        m_refresh->hide();
        revalidate();
        const QString version = action->version.value_or(QString());
        m_status->setText(readForm() == m_loaded
                              ? tr("Version %1 on the platform has these settings.").arg(version)
                              : tr("Version %1 on the platform has other settings: Apply sends yours, Reset shows "
                                   "the platform's.")
                                    .arg(version));
    });
}

void ConfigPanel::refreshWarmInstances()
{
    if (!m_platform || m_name.isEmpty() || !m_loaded.storageSupported() || m_warmPending)
        return;
    const QString name = m_name;
    QPointer<Platform> platform = m_platform;
    m_warmPending = true;
    onResult(m_platform->getAction(name, false), this, [this, platform, name](Result<Action> action) {
        m_warmPending = false;
        if (platform != m_platform || name != m_name || !action)
            return; // a failure keeps the last count; loading the form says what went wrong
        // Through the form, as a load reads it (GCC 12 sees the optional in the Result as
        // maybe-uninitialized when it is copied out directly).
        m_loaded.warmInstances = FunctionConfigForm(action.value(), m_loaded.platform()).warmInstances;
        m_warmInstances->setText(m_loaded.warmInstancesText());
    });
}

void ConfigPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refreshWarmInstances(); // the count changes while the panel is away
    if (!m_warmTimer) {
        m_warmTimer = new QTimer(this);
        m_warmTimer->setInterval(kWarmRefreshMs);
        connect(m_warmTimer, &QTimer::timeout, this, &ConfigPanel::refreshWarmInstances);
    }
    m_warmTimer->start();
}

void ConfigPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    if (m_warmTimer)
        m_warmTimer->stop();
}

} // namespace funcdesk
