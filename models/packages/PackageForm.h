#pragma once

#include "core/Package.h"
#include "models/configuration/FunctionConfigForm.h"

#include <QCoreApplication>

namespace funcdesk {

// One package as the Package panel edits it: its default parameters (as a function's, text that
// parses as JSON is JSON), whether it is published; read-only, what a binding binds, the
// annotations and the functions it holds. Turns the form back into the package to PUT
// (overwrite), keeping what the form does not show. Also builds a new package or binding.
class PackageForm
{
    Q_DECLARE_TR_FUNCTIONS(PackageForm)

public:
    using Parameter = FunctionConfigForm::Parameter;

    PackageForm() = default;
    explicit PackageForm(const Package &package);

    QString name;
    QString boundTo; // "/namespace/package" for a binding, else empty
    bool publish = false;
    QList<Parameter> parameters;
    QStringList annotations; // "key: value", one per annotation (JSON values compact)
    QStringList functions;   // the names of its actions, as the platform listed them

    // What is wrong with the form ("" when it can be sent).
    QString problem() const { return FunctionConfigForm::parametersProblem(parameters); }
    // The package to PUT with overwrite.
    Package toUpdate() const;

    // A new, empty package; a binding of `target` ("/namespace/package") with `parameters`.
    static Package newPackage();
    static Package newBinding(const QString &target, const QList<Parameter> &parameters);

    friend bool operator==(const PackageForm &a, const PackageForm &b)
    {
        return a.publish == b.publish && a.parameters == b.parameters;
    }

private:
    Package m_loaded;
};

} // namespace funcdesk
