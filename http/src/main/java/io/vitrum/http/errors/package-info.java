/** RFC 7807 problem+json responses with stable error codes, for every failure of the API. */
package io.vitrum.http.errors;
