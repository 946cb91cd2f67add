// PackageTreeProxy over FunctionFilterProxy over FunctionListModel, fed directly (no platform):
// functions named "package/function" under their package's row and the others at the top, in the
// filter proxy's order; packages and bindings without functions still listed (unless the filter
// text is not in their name), bindings with their target; sequences with their own kind and
// "Sequence" as runtime. QAbstractItemModelTester watches the tree throughout; a selection and an
// expanded package stay on their function and package across changes of rows, sort and filter.

#include "models/functions/FunctionFilterProxy.h"
#include "models/functions/FunctionListModel.h"
#include "models/functions/PackageTreeProxy.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QTest>

using namespace funcdesk;

namespace {

Action action(const QString &name, const QString &kind = QStringLiteral("nodejs:20"))
{
    Action made;
    made.ns = QStringLiteral("guest");
    made.name = name;
    made.exec = Exec();
    made.exec->kind = kind;
    return made;
}

FunctionListModel::PackageRow package(const QString &name, const QString &boundTo = {}, bool shared = false)
{
    return {name, boundTo, shared};
}

} // namespace

class TestPackageTreeProxy : public QObject
{
    Q_OBJECT

    std::unique_ptr<FunctionListModel> m_model;
    std::unique_ptr<FunctionFilterProxy> m_filter;
    std::unique_ptr<PackageTreeProxy> m_tree;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    // The rows as "name" at the top and "package/[child,…]" for a package.
    QStringList rows() const
    {
        QStringList shown;
        for (int row = 0; row < m_tree->rowCount(); ++row) {
            const QModelIndex top = m_tree->index(row, 0);
            const QString package = top.data(FunctionListModel::PackageRole).toString();
            if (package.isEmpty()) {
                shown.append(top.data(FunctionListModel::NameRole).toString());
                continue;
            }
            QStringList children;
            for (int child = 0; child < m_tree->rowCount(top); ++child)
                children.append(m_tree->index(child, 0, top).data().toString());
            shown.append(QStringLiteral("%1/[%2]").arg(package, children.join(u',')));
        }
        return shown;
    }

private Q_SLOTS:
    void init()
    {
        m_model = std::make_unique<FunctionListModel>();
        m_filter = std::make_unique<FunctionFilterProxy>();
        m_filter->setSourceModel(m_model.get());
        m_filter->sort(FunctionListModel::NameColumn, Qt::AscendingOrder);
        m_tree = std::make_unique<PackageTreeProxy>();
        m_tree->setSourceModel(m_filter.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(m_tree.get(),
                                                              QAbstractItemModelTester::FailureReportingMode::Fatal);
        m_model->setActions({action(QStringLiteral("zeta")), action(QStringLiteral("pkg/y")),
                             action(QStringLiteral("alpha")), action(QStringLiteral("pkg/x")),
                             action(QStringLiteral("other/q"))});
    }
    void cleanup()
    {
        m_tester.reset();
        m_tree.reset();
        m_filter.reset();
        m_model.reset();
    }

    void functionsInAPackageAreUnderItsRowInTheListsOrder()
    {
        QCOMPARE(rows(), (QStringList{QStringLiteral("alpha"), QStringLiteral("other/[q]"), QStringLiteral("pkg/[x,y]"),
                                      QStringLiteral("zeta")}));
        const QModelIndex pkg = m_tree->packageIndex(QStringLiteral("pkg"));
        QCOMPARE(pkg.data().toString(), QStringLiteral("pkg"));
        QCOMPARE(pkg.data(FunctionListModel::NameRole).toString(), QString());
        QCOMPARE(pkg.data(FunctionListModel::KindRole).toInt(), int(FunctionListModel::PackageItem));
        const QModelIndex y = m_tree->index(1, 0, pkg);
        QCOMPARE(y.data(FunctionListModel::NameRole).toString(), QStringLiteral("pkg/y")); // the full name
        QCOMPARE(y.parent(), pkg);
        QCOMPARE(m_tree->mapToSource(y).data(FunctionListModel::NameRole).toString(), QStringLiteral("pkg/y"));
        QCOMPARE(m_tree->mapFromSource(m_tree->mapToSource(y)), y);
        QVERIFY(!m_tree->mapToSource(pkg).isValid());

        m_filter->sort(FunctionListModel::NameColumn, Qt::DescendingOrder);
        QCOMPARE(rows(), (QStringList{QStringLiteral("zeta"), QStringLiteral("pkg/[y,x]"), QStringLiteral("other/[q]"),
                                      QStringLiteral("alpha")}));
    }

    void emptyPackagesAndBindingsAreListedWithWhatTheyAre()
    {
        m_tree->setPackages({package(QStringLiteral("box")), package(QStringLiteral("pkg"), {}, true),
                             package(QStringLiteral("tools"), QStringLiteral("/whisk.system/utils"))});
        QCOMPARE(rows(),
                 (QStringList{QStringLiteral("alpha"), QStringLiteral("box/[]"), QStringLiteral("other/[q]"),
                              QStringLiteral("pkg/[x,y]"), QStringLiteral("tools/[]"), QStringLiteral("zeta")}));
        const QModelIndex tools = m_tree->packageIndex(QStringLiteral("tools"));
        QCOMPARE(tools.data().toString(), QStringLiteral("tools → /whisk.system/utils"));
        QCOMPARE(tools.data(FunctionListModel::KindRole).toInt(), int(FunctionListModel::BindingItem));
        QCOMPARE(tools.siblingAtColumn(FunctionListModel::RuntimeColumn).data().toString(), QStringLiteral("Binding"));
        QCOMPARE(m_tree->packageIndex(QStringLiteral("pkg")).siblingAtColumn(FunctionListModel::RuntimeColumn).data(),
                 QVariant(QStringLiteral("Shared package")));
        QCOMPARE(m_tree->packageIndex(QStringLiteral("box")).siblingAtColumn(FunctionListModel::RuntimeColumn).data(),
                 QVariant(QStringLiteral("Package")));
        QVERIFY(!m_tree->hasChildren(tools));

        // Filtered: a package shows with the functions that match, or when its own name does.
        m_filter->setFilterFixedString(QStringLiteral("y"));
        m_tree->setFilterText(QStringLiteral("y"));
        QCOMPARE(rows(), (QStringList{QStringLiteral("pkg/[y]")}));
        m_filter->setFilterFixedString(QStringLiteral("oo"));
        m_tree->setFilterText(QStringLiteral("oo"));
        QCOMPARE(rows(), (QStringList{QStringLiteral("tools/[]")}));
    }

    void aSelectionAndAnExpandedPackageStayOnTheirRowsAcrossChanges()
    {
        m_tree->setPackages({package(QStringLiteral("box"))});
        QItemSelectionModel selection(m_tree.get());
        const QModelIndex y = m_tree->index(1, 0, m_tree->packageIndex(QStringLiteral("pkg")));
        selection.select(y, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QPersistentModelIndex box(m_tree->packageIndex(QStringLiteral("box")));
        QPersistentModelIndex pkg(m_tree->packageIndex(QStringLiteral("pkg")));

        m_model->applyAction(action(QStringLiteral("pkg/a")));
        m_model->applyAction(action(QStringLiteral("beta")));
        m_filter->sort(FunctionListModel::NameColumn, Qt::DescendingOrder);
        m_tree->setPackages({package(QStringLiteral("box")), package(QStringLiteral("new"))});
        QCOMPARE(rows(), (QStringList{QStringLiteral("zeta"), QStringLiteral("pkg/[y,x,a]"),
                                      QStringLiteral("other/[q]"), QStringLiteral("new/[]"), QStringLiteral("box/[]"),
                                      QStringLiteral("beta"), QStringLiteral("alpha")}));
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(selection.selectedRows().first().data(FunctionListModel::NameRole).toString(),
                 QStringLiteral("pkg/y"));
        QCOMPARE(box.data(FunctionListModel::PackageRole).toString(), QStringLiteral("box"));
        QCOMPARE(pkg.data(FunctionListModel::PackageRole).toString(), QStringLiteral("pkg"));

        m_model->removeFunction(QStringLiteral("pkg/y"));
        QVERIFY(selection.selectedRows().isEmpty());
        m_tree->setPackages({});
        QVERIFY(!box.isValid()); // gone with its package
        QVERIFY(pkg.isValid());  // still has functions
    }

    void aSequenceHasItsOwnKindAndRuntime()
    {
        m_model->applyAction(action(QStringLiteral("pkg/chain"), QStringLiteral("sequence")));
        const QModelIndex pkg = m_tree->packageIndex(QStringLiteral("pkg"));
        const QModelIndex chain = m_tree->index(0, 0, pkg);
        QCOMPARE(chain.data().toString(), QStringLiteral("chain"));
        QCOMPARE(chain.data(FunctionListModel::KindRole).toInt(), int(FunctionListModel::SequenceItem));
        QCOMPARE(chain.siblingAtColumn(FunctionListModel::RuntimeColumn).data().toString(), QStringLiteral("Sequence"));
        QCOMPARE(m_tree->index(1, 0, pkg).data(FunctionListModel::KindRole).toInt(),
                 int(FunctionListModel::FunctionItem));
    }
};

QTEST_GUILESS_MAIN(TestPackageTreeProxy)
#include "TestPackageTreeProxy.moc"
