/** The append-only audit trail of each model: registrations, alias moves, archivals, who and when. */
package dev.gyre.registry.audit;
