// Built with ui/'s compile settings by layers_ui_has_no_qtsql, which expects the compiler to
// reject the include below: ui/ never touches SQL, so the build gives it no QtSql.
#include <QSqlQuery>

int uiProbeIncludesQtSql()
{
    return 0;
}
