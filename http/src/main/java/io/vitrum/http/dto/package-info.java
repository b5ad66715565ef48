/** Request and response bodies of the REST API, separate from the actor protocol. */
package io.vitrum.http.dto;
