/** One class per REST resource: unmarshal, check shape, ask the entity, map the reply. */
package io.vitrum.http.routes;
