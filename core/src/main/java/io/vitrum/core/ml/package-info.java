/** Model references, input normalisation and explanations: the maths of serving, without I/O. */
package io.vitrum.core.ml;
