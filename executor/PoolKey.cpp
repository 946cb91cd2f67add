#include "executor/PoolKey.h"

#include "executor/Executor.h"

namespace funcdesk {

std::string poolKey(const InvocationRequest &request, const Runtime &runtime, const ActionLimits &limits,
                    const QByteArray &codeDigest)
{
    QByteArray key = (request.ns + QLatin1Char('/') + request.name + QLatin1Char('@') + request.version +
                      QLatin1Char('|') + runtime.kind + QLatin1Char('|') + request.exec.mainOrDefault())
                         .toUtf8();
    for (const qint64 value :
         {*limits.timeoutMs, *limits.memoryMb, *limits.logsMb, *limits.concurrency, *limits.storageMb})
        key += '|' + QByteArray::number(value);
    key += '|' + limits.network->toUtf8();
    key += '|' + QByteArray::number(*limits.cpu, 'g', 6) + (request.exec.binary.value_or(false) ? "|b|" : "|t|") +
           codeDigest;
    if (!request.poolTag.isEmpty())
        key += "|#" + request.poolTag.toUtf8();
    return key.toStdString();
}

QByteArray digestOf(const QString &code)
{
    return QByteArray::number(code.size()) + ':' + QByteArray::number(qHash(code, 0x5eed1)) + ':' +
           QByteArray::number(qHash(code, 0xc0de2));
}

} // namespace funcdesk
