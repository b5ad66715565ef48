/**
 * Operators' questions in Russian and English, read offline: the text becomes a {@link
 * io.vitrum.core.causal.ask.Question} (intent, defect class, furnace and time window) that the
 * engine answers from its incidents and root-cause analysis, or a list of the parts it could not
 * read with a message in the question's language. Word matching is by stems and endings, so case
 * forms and plurals need no list of full forms; nothing here reads the clock or the network.
 */
package io.vitrum.core.causal.ask;
