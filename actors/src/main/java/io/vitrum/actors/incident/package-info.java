/**
 * The Incident entity: the incidents of one furnace and defect class (or sensor anomaly), their
 * ranked causes, the operators' answers and their closing.
 */
package io.vitrum.actors.incident;
