/**
 * Configuration as code: the HOCON profiles ({@code application.conf} includes, {@code local.conf},
 * {@code cluster.conf}, {@code kubernetes.conf}) live in this module's resources; this package
 * holds the helpers that choose a profile, and {@link io.vitrum.config.EmbeddedInfrastructure},
 * through which a local-profile node finds the embedded-infrastructure launcher of the separate
 * {@code vitrum-embedded} module.
 */
package io.vitrum.config;
