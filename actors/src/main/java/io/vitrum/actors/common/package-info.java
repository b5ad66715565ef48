/** Reply types shared by every entity. */
package io.vitrum.actors.common;
