/** Online statistics over sensor streams and domain features derived from them. */
package io.vitrum.core.features;
