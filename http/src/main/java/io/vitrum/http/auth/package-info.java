/**
 * Authentication and authorisation at the HTTP edge: JWT bearer tokens verified with nimbus (HS256
 * locally, an issuer's JWKS in production), the endpoint catalogue that says which role and furnace
 * scope every route needs, rate limits and the local profile's dev token.
 */
package io.vitrum.http.auth;
