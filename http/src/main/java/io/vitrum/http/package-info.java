/** The HTTP edge of a node and the {@link io.vitrum.http.Main} that assembles one. */
package io.vitrum.http;
