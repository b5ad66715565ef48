/** What the command-line tools of the load-test module share. */
package io.vitrum.loadtests;
