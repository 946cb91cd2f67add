#pragma once

#include "models/triggers/ObjectTriggerForm.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace funcdesk {

class ErrorLabel;

// The Object trigger's editor: the bucket (chosen from the platform's, or typed), the key prefix
// and suffix, and the events that fire (stored, deleted), with the filter in words.
class ObjectEditor : public QWidget
{
    Q_OBJECT

public:
    explicit ObjectEditor(QWidget *parent = nullptr);

    // The buckets to choose from; `note` says why there are none (empty when there are).
    void setBuckets(const QStringList &buckets, const QString &note = {});
    void setForm(const ObjectTriggerForm &form);
    ObjectTriggerForm form() const;
    QString problem() const { return form().validate(); }

Q_SIGNALS:
    void changed();

private:
    void refresh();

    QComboBox *m_bucket;
    QLineEdit *m_prefix;
    QLineEdit *m_suffix;
    QCheckBox *m_put;
    QCheckBox *m_delete;
    ErrorLabel *m_preview;
};

} // namespace funcdesk
