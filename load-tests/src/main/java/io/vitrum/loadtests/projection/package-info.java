/** Load generators that run the engine's entities and projections in-process. */
package io.vitrum.loadtests.projection;
