#pragma once

#include "core/Platform.h"

#include <QDialog>
#include <QPointer>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableWidget;
class QWidget;

namespace funcdesk {

class Executor;
class PayloadListModel;
class PayloadStore;
class PowerTuner;
class PowerTuningChartApi;

// Power tuning for one function: runs it N times with a saved payload at several memory sizes
// and CPU settings (on the local executor with real limits, or on the platform), charts average
// and p95 duration against cost per invocation, recommends the cheapest, the fastest and the
// balanced setting and applies the chosen one. Runs in the background with a progress bar and
// can be cancelled. Built by the power-tuning work (models/metrics/PowerTuner).
class PowerTuningDialog : public QDialog
{
    Q_OBJECT

public:
    PowerTuningDialog(Platform *platform, QString connectionId, QString function, Executor *localExecutor,
                      QWidget *parent = nullptr);
    // Tests (and a portable mode) keep saved payloads under their own folder.
    PowerTuningDialog(Platform *platform, QString connectionId, QString function, Executor *localExecutor,
                      const PayloadStore &payloads, QWidget *parent = nullptr);
    ~PowerTuningDialog() override;

Q_SIGNALS:
    // The chosen setting was applied to the function (its new document).
    void applied(const funcdesk::Action &action);

private:
    void build(bool canRunLocally);
    QWidget *buildForm(bool canRunLocally);
    QWidget *buildRecommendations();
    void loadPlatformInfo();
    void setLimits(const SystemLimits &limits, bool cpuLimits);
    void start();
    void onProgress(int done, int total);
    void onFinished(bool cancelled);
    void showResults();
    void updateRecommendations();
    void apply();
    void updateButtons();

    QPointer<Platform> m_platform;
    QString m_connection;
    QString m_function;
    PowerTuner *m_tuner = nullptr;
    PayloadListModel *m_payloads = nullptr;

    QComboBox *m_payloadChoice = nullptr;
    QPlainTextEdit *m_payloadEditor = nullptr;
    QSpinBox *m_runs = nullptr;
    QGridLayout *m_memoryGrid = nullptr;
    QList<QCheckBox *> m_memoryBoxes;
    QLabel *m_cpuLabel = nullptr;
    QWidget *m_cpuRow = nullptr;
    QList<QCheckBox *> m_cpuBoxes;
    QComboBox *m_target = nullptr;
    QComboBox *m_prices = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    PowerTuningChartApi *m_chart = nullptr; // from libfuncdesk_views.so (ui/views/Views.h)
    QTableWidget *m_table = nullptr;
    QButtonGroup *m_choices = nullptr;
    QRadioButton *m_cheapest = nullptr;
    QRadioButton *m_fastest = nullptr;
    QRadioButton *m_balanced = nullptr;
    QPushButton *m_apply = nullptr;
    bool m_infoLoaded = false;
    bool m_failed = false; // the tuner reported a failure since Start
};

} // namespace funcdesk
