/** The one shared Jackson configuration of the REST API. */
package io.vitrum.http.json;
