// FunctionListModel's packages: listed beside the actions on refresh(), kept by name; the
// grouping of the rows under them is PackageTreeProxy's.

#include "core/FutureCallback.h"
#include "models/functions/FunctionListModel.h"

#include <QJsonObject>

#include <algorithm>

namespace funcdesk {

namespace {
constexpr int kPackagePage = 200; // OpenWhisk's largest page
} // namespace

FunctionListModel::PackageRow FunctionListModel::packageRow(const Package &package)
{
    PackageRow row;
    row.name = package.name.value_or(QString());
    if (package.binding.isObject() && !package.binding.toObject().isEmpty()) {
        const QJsonObject binding = package.binding.toObject();
        row.boundTo = QStringLiteral("/%1/%2").arg(binding.value(QLatin1StringView("namespace")).toString(),
                                                   binding.value(QLatin1StringView("name")).toString());
    }
    row.shared = package.publish.value_or(false) && row.boundTo.isEmpty();
    return row;
}

void FunctionListModel::loadPackages(quint64 generation, int skip, std::shared_ptr<QList<Package>> loaded)
{
    onResult(platform()->listPackages(ListOptions{kPackagePage, skip}), this,
             [this, generation, skip, loaded](Result<QList<Package>> page) {
                 // A platform without packages lists none; the actions' load says what failed.
                 if (!isCurrent(generation) || !page)
                     return;
                 loaded->append(page.value());
                 if (page.value().size() >= kPackagePage && platform())
                     return loadPackages(generation, skip + kPackagePage, loaded);
                 QList<PackageRow> rows;
                 rows.reserve(loaded->size());
                 for (const Package &package : std::as_const(*loaded))
                     rows.append(packageRow(package));
                 setPackages(std::move(rows));
             });
}

void FunctionListModel::setPackages(QList<PackageRow> packages)
{
    std::sort(packages.begin(), packages.end(),
              [](const PackageRow &a, const PackageRow &b) { return a.name < b.name; });
    if (packages == m_packages)
        return;
    m_packages = std::move(packages);
    Q_EMIT packagesChanged();
}

void FunctionListModel::applyPackage(const Package &package)
{
    QList<PackageRow> packages = m_packages;
    const PackageRow row = packageRow(package);
    packages.removeIf([&row](const PackageRow &p) { return p.name == row.name; });
    packages.append(row);
    setPackages(std::move(packages));
}

void FunctionListModel::removePackage(const QString &name)
{
    QList<PackageRow> packages = m_packages;
    packages.removeIf([&name](const PackageRow &p) { return p.name == name; });
    setPackages(std::move(packages));
}

} // namespace funcdesk
