#pragma once

#include "core/JsonFields.h"
#include "core/KeyValue.h"

namespace funcdesk {

// The fields every OpenWhisk entity document has (actions, packages, triggers and rules; a rule
// has no parameters): their keys, and one reader and one writer for them, so each entity reads
// and writes only its own fields.
namespace entityKeys {
inline constexpr QLatin1StringView ns("namespace");
inline constexpr QLatin1StringView name("name");
inline constexpr QLatin1StringView version("version");
inline constexpr QLatin1StringView publish("publish");
inline constexpr QLatin1StringView parameters("parameters");
inline constexpr QLatin1StringView annotations("annotations");
inline constexpr QLatin1StringView updated("updated");
} // namespace entityKeys

// Takes the common fields out of `fields` into `entity`, in this order: namespace, name, version,
// publish, parameters, annotations, updated. A malformed one is recorded in `fields` like the
// entity's own (the first error wins); what is not read stays in fields.rest().
template <typename Entity> void readEntityFields(JsonFields &fields, Entity &entity)
{
    entity.ns = fields.string(entityKeys::ns);
    entity.name = fields.string(entityKeys::name);
    entity.version = fields.string(entityKeys::version);
    entity.publish = fields.boolean(entityKeys::publish);
    if constexpr (requires { entity.parameters; })
        fields.nestedArray(entityKeys::parameters, entity.parameters);
    fields.nestedArray(entityKeys::annotations, entity.annotations);
    entity.updated = fields.integer(entityKeys::updated);
}

// Writes the common fields of `entity` that are set into `object`.
template <typename Entity> void writeEntityFields(QJsonObject &object, const Entity &entity)
{
    insertIfSet(object, entityKeys::ns, entity.ns);
    insertIfSet(object, entityKeys::name, entity.name);
    insertIfSet(object, entityKeys::version, entity.version);
    insertIfSet(object, entityKeys::publish, entity.publish);
    if constexpr (requires { entity.parameters; }) {
        if (entity.parameters)
            object.insert(entityKeys::parameters, entity.parameters->toJson());
    }
    if (entity.annotations)
        object.insert(entityKeys::annotations, entity.annotations->toJson());
    insertIfSet(object, entityKeys::updated, entity.updated);
}

} // namespace funcdesk
