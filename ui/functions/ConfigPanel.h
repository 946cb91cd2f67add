#pragma once

#include "core/Platform.h"
#include "models/configuration/FunctionConfigForm.h"
#include "models/connections/WebActionAddress.h"
#include "models/triggers/WiringSnapshot.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QTimer;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace funcdesk {

class ParameterEditor;

// The Configuration panel of one function: memory, timeout, CPU (or why there is none), log
// limit, concurrency, instances, storage, network and minimum instances (with how many are warm
// now; the three only where the platform has them), default parameters (JSON or text values;
// environment-like ones and masked secrets), and web export with its URL. Every field is checked
// against the platform's limits as it changes, with the message beside it, so no field moves;
// Apply sends only a valid form, shows progress and the server's answer, and keeps what was typed
// when the server refuses.
class ConfigPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ConfigPanel(QWidget *parent = nullptr);

    // The function to configure on `platform`; loads it and the platform's limits.
    void setContext(Platform *platform, const QString &functionName);
    // Where web actions of this connection are served.
    void setWebActionAddress(const WebActionAddress &address);
    // The triggers whose rules run the function, shown under the title.
    void setTriggers(const QList<FunctionTrigger> &triggers);
    // The function's web action URL there ("" without a function or an address).
    QString webUrl() const;
    // Whether the form holds changes that are not applied.
    bool hasUnsavedChanges() const;
    // Before the panel is given another function or connection: true when it may go now.
    // Otherwise it asks, after the current event, whether to apply the changes, discard them or
    // stay, and calls `answer` with whether to go on (after Apply: once the platform stored them).
    bool mayLeave(std::function<void(bool)> answer);

public Q_SLOTS:
    // Another panel changed a function (a code deploy): the footer follows its version.
    void functionChanged(const funcdesk::Action &action);

Q_SIGNALS:
    // After a successful Apply: the action as the platform now has it.
    void applied(const funcdesk::Action &action);
    void statusMessage(const QString &message);

private:
    void load();
    void showForm(const FunctionConfigForm &form);
    FunctionConfigForm readForm() const;
    void revalidate();
    // Sends the form; `done` hears whether the platform stored it.
    void apply(std::function<void(bool)> done = {});
    void askBeforeLeaving(std::function<void(bool)> answer);
    void finishApply(bool stored);
    void showVersion(const Action &action);
    // Stops waiting for an Apply in flight (Esc): the form keeps what was typed.
    void cancelApply();
    // Loads what the platform has now as the baseline, leaving the form as typed.
    void refreshLoaded();
    void setBusy(bool busy, const QString &message);
    // Reads how many processes are warm now, leaving the form as it is.
    void refreshWarmInstances();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QPointer<Platform> m_platform;
    QString m_name;
    WebActionAddress m_webActions;
    FunctionConfigForm m_loaded;
    bool m_filling = false;
    quint64 m_applyRequest = 0; // bumped by Apply and Cancel: answers for an older Apply are dropped
    bool m_applying = false;
    std::function<void(bool)> m_afterApply; // told how the Apply in flight ended

    QLabel *m_title;
    QLabel *m_triggers;
    QSpinBox *m_memory;
    QLabel *m_memoryError;
    QSpinBox *m_timeout;
    QLabel *m_timeoutError;
    QCheckBox *m_cpuAuto;
    QDoubleSpinBox *m_cpu;
    QLabel *m_cpuNote;
    QSpinBox *m_logs;
    QLabel *m_logsError;
    QSpinBox *m_concurrency;
    QLabel *m_concurrencyError;
    QCheckBox *m_instancesSet;
    QSpinBox *m_instances;
    QFormLayout *m_form;
    QList<int> m_storageRows; // form rows shown only where the platform has storage limits
    QList<int> m_processRows; // memory, CPU, concurrency, instances: hidden for a sequence
    bool m_sequence = false;  // the function shown is a sequence
    QSpinBox *m_storage;
    QLabel *m_storageError;
    QLabel *m_storageNote;
    QComboBox *m_network;
    QSpinBox *m_minInstances;
    QLabel *m_minInstancesError;
    QLabel *m_warmInstances;
    QTimer *m_warmTimer = nullptr; // re-reads the count every kWarmRefreshMs while shown
    bool m_warmPending = false;    // one read at a time
    ParameterEditor *m_parameters;
    QCheckBox *m_webExport;
    QLineEdit *m_webUrl;
    QPushButton *m_copyUrl;
    QPushButton *m_apply;
    QPushButton *m_reset;
    QPushButton *m_cancel;
    QPushButton *m_refresh;
    QAction *m_cancelAction;
    QLabel *m_status;
    QLabel *m_version;
};

} // namespace funcdesk
