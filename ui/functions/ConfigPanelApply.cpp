// The configuration panel's round trips after loading: Apply and its Cancel, Refresh after a
// cancelled Apply, the question before unsaved changes are left, the version in the footer, and
// the warm-instances count (the rest of ConfigPanel is in ConfigPanel.cpp).

#include "ui/functions/ConfigPanel.h"

#include "core/FutureCallback.h"

#include <QAction>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

namespace funcdesk {

namespace {
// Minimum instances start in the background after an Apply, and warm processes come and go:
// the count is read again this often while the panel is shown (a GET without the code).
constexpr int kWarmRefreshMs = 2000;
} // namespace

void ConfigPanel::apply(std::function<void(bool)> done)
{
    const FunctionConfigForm form = readForm();
    if (!form.validate().isEmpty() || !m_platform) {
        if (done)
            done(false);
        return;
    }
    finishApply(false); // an earlier Apply's waiter: this one replaces it
    m_afterApply = std::move(done);
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
                     finishApply(false);
                     return;
                 }
                 m_loaded = FunctionConfigForm(stored.value(), form.platform());
                 showForm(m_loaded);
                 showVersion(stored.value());
                 const QString message =
                     tr("Applied: %1 is now version %2.").arg(name, stored->version.value_or(QString()));
                 setBusy(false, message);
                 Q_EMIT statusMessage(message);
                 Q_EMIT applied(stored.value());
                 finishApply(true);
             });
}

void ConfigPanel::finishApply(bool stored)
{
    if (auto done = std::exchange(m_afterApply, {}))
        done(stored);
}

bool ConfigPanel::hasUnsavedChanges() const
{
    return m_platform && !m_name.isEmpty() && !m_applying && !(readForm() == m_loaded);
}

bool ConfigPanel::mayLeave(std::function<void(bool)> answer)
{
    if (!hasUnsavedChanges())
        return true;
    // Not inside the click or key that asked: the question is a modal dialog of its own.
    QTimer::singleShot(0, this, [this, answer = std::move(answer)]() mutable { askBeforeLeaving(std::move(answer)); });
    return false;
}

void ConfigPanel::askBeforeLeaving(std::function<void(bool)> answer)
{
    if (!hasUnsavedChanges()) // applied or reset meanwhile
        return answer(true);
    const bool valid = readForm().validate().isEmpty();
    QMessageBox box(QMessageBox::Question, tr("Unsaved configuration"),
                    tr("The configuration of %1 has changes that are not applied.").arg(m_name),
                    QMessageBox::Apply | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("unsavedConfigurationBox"));
    box.setInformativeText(valid ? tr("Apply them before moving on, discard them, or stay here?")
                                 : tr("Some values are not valid, so they cannot be applied: discard them, or stay "
                                      "here and correct them?"));
    box.button(QMessageBox::Apply)->setEnabled(valid);
    box.setDefaultButton(valid ? QMessageBox::Apply : QMessageBox::Cancel);
    box.setEscapeButton(QMessageBox::Cancel);
    switch (box.exec()) {
    case QMessageBox::Apply:
        return apply(std::move(answer)); // goes on once stored; a refusal stays here, with its message
    case QMessageBox::Discard:
        showForm(m_loaded);
        return answer(true);
    default:
        return answer(false);
    }
}

void ConfigPanel::showVersion(const Action &action)
{
    const QString version = action.version.value_or(QString());
    m_version->setText(version.isEmpty() ? QString() : tr("Version %1").arg(version));
}

void ConfigPanel::functionChanged(const Action &action)
{
    if (action.name.value_or(QString()) == m_name && !m_name.isEmpty())
        showVersion(action);
}

void ConfigPanel::cancelApply()
{
    if (!m_applying)
        return;
    ++m_applyRequest; // the answer, whenever it comes, is dropped
    m_applying = false;
    finishApply(false);
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
        showVersion(action.value());
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
