#pragma once

#include "models/configuration/FunctionConfigForm.h"

#include <QObject>

#include <functional>

class QHBoxLayout;
class QLabel;
class QTableWidget;
class QWidget;

namespace funcdesk {

// The key/value editor of default parameters that a function's Configuration and a package's
// panel share: a table (name, value as JSON or text, and for functions Environment and Secret,
// a secret's value shown as dots), Add and Remove buttons, and the message under them. Its
// widgets are children of `parent`, which lays them out (table(), buttons(), error()).
class ParameterEditor : public QObject
{
    Q_OBJECT

public:
    using Parameter = FunctionConfigForm::Parameter;
    // The widgets' object names (tests and the tab order find them by these).
    struct Names
    {
        const char *table;
        const char *add;
        const char *remove;
        const char *error;
    };

    // `actionColumns`: the Environment and Secret columns (a function's; a package has neither).
    ParameterEditor(Names names, bool actionColumns, QWidget *parent);

    QTableWidget *table() const { return m_table; }
    QHBoxLayout *buttons() const { return m_buttons; }
    QLabel *error() const { return m_error; }

    // A form's message beside or under its field: an error, hidden until there is one, as wide as
    // the form allows (a wrapped message in a spin box's width is cut off, seen at 200 % and in
    // Chinese), its place kept while hidden so that the field does not move when one comes.
    static QLabel *errorLabel(QWidget *parent, const char *objectName);

    // Fills the table; no changed() signal.
    void setParameters(const QList<Parameter> &parameters);
    QList<Parameter> parameters() const;
    // Shows `message`, the answer of a check of parameters(), unless it only concerns a row just
    // added that the user has not left yet (its name may well be on its way): `check` says.
    void showCheck(const QString &message, const std::function<QString(const QList<Parameter> &)> &check);

Q_SIGNALS:
    // A value, a name or a row changed.
    void changed();

private:
    void addRow(const Parameter &parameter);

    QTableWidget *m_table;
    QHBoxLayout *m_buttons;
    QLabel *m_error;
    bool m_filling = false;
    int m_newRow = -1; // a row just added: checked once the user leaves it
};

} // namespace funcdesk
