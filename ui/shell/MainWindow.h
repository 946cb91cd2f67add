#pragma once

#include <QMainWindow>

namespace funcdesk {

// The console's frame: places the panels and wires the application's actions. Panels own
// their behaviour; this class only arranges them.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void restoreWindowState();
};

}  // namespace funcdesk
