#pragma once

#include "models/code/LineDiff.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QToolButton;

namespace funcdesk {

// Shows the difference between two texts (a deployed version and the editor): side by side or
// unified, changed lines tinted from the palette (readable in light and dark), unchanged runs
// folded to three lines of context, and a header naming both sides with the counts.
class DiffView : public QWidget
{
    Q_OBJECT

public:
    enum class Mode { SideBySide, Unified };

    explicit DiffView(QWidget *parent = nullptr);

    void setTexts(const QString &leftTitle, const QString &leftText, const QString &rightTitle,
                  const QString &rightText);
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }

    const LineDiff &diff() const { return m_diff; }
    QString leftTitle() const;
    QString rightTitle() const;
    QString summary() const;
    // What the view shows, as plain text (the unified view's, or one side's): for tests.
    QString unifiedText() const;
    QString sideText(bool left) const;

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void build();
    void showMode(); // m_mode on the buttons, the stack and the focus (built)
    void render();

    LineDiff m_diff;
    bool m_onlyLineEndingsDiffer = false;
    bool m_fixedFont = false; // the views have their fixed font (from the first render() on)
    Mode m_mode = Mode::SideBySide;
    // These: nullptr until build() (m_stack says whether it ran).
    QLabel *m_leftTitle = nullptr;
    QLabel *m_rightTitle = nullptr;
    QLabel *m_summary = nullptr;
    QToolButton *m_sideBySideButton = nullptr;
    QToolButton *m_unifiedButton = nullptr;
    QStackedWidget *m_stack = nullptr;
    QPlainTextEdit *m_left = nullptr;
    QPlainTextEdit *m_right = nullptr;
    QPlainTextEdit *m_unified = nullptr;
};

} // namespace funcdesk
