/**
 * Configuration as code: the HOCON profiles ({@code application.conf} includes, {@code local.conf},
 * {@code cluster.conf}, {@code kubernetes.conf}) live in this module's resources; this package
 * holds the helpers that choose a profile.
 */
package io.vitrum.config;
