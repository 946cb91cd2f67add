#pragma once

#include "server/ApiHandler.h"

namespace funcdesk {

// Funcdesk's object storage, shaped after S3 (docs/server.md, "Objects"):
//   GET    /namespaces/{ns}/buckets                               the buckets
//   PUT    /namespaces/{ns}/buckets/{bucket}                      create (409 when it exists)
//   DELETE /namespaces/{ns}/buckets/{bucket}                      delete an empty one (409 otherwise)
//   GET    /namespaces/{ns}/buckets/{bucket}/objects?prefix=&delimiter=&limit=&skip=
//   PUT|GET|HEAD|DELETE /namespaces/{ns}/buckets/{bucket}/objects/{key}
// An object PUT's body is streamed to disk while it arrives (objectBodySink, installed on the
// transport), never held in memory; a GET is sent from the file, with Range.
class ObjectsApi final : public ApiHandler
{
public:
    using ApiHandler::ApiHandler;
    void handle(const ApiRequest &request, Reply reply) override;

    // The transport's BodySinkFactory: a sink for every object PUT, whatever its fate (a request
    // that will be refused keeps its error there and its body is dropped, not buffered).
    static std::shared_ptr<BodySink> objectBodySink(LocalEngine &engine, const HttpRequest &headers);

private:
    void handleObject(const ApiRequest &request, const QString &bucket, const QString &key, Reply reply);
    void putObject(const ApiRequest &request, Reply reply);
    void getObject(const ApiRequest &request, const QString &bucket, const QString &key, Reply reply);
    void listObjects(const ApiRequest &request, const QString &bucket, Reply reply);
};

} // namespace funcdesk
