/** Who may do what: roles, furnace scopes, the authenticated principal and rate limiting. */
package io.vitrum.core.security;
