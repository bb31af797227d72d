/**
 * Operations on the spaced-repetition data (issue 7, domain §12.6, decisions S5, S6): the review cache's status, a
 * season's cache rebuild, reconciliation of the cache with the tracker, archiving a season, auto-archive and
 * retention. The work is here, against ports; {@code infra} implements the ports (PostgreSQL, Redis), exposes the
 * endpoints and schedules the jobs (one node at a time, every run recorded).
 */
package com.memora.projection.srs.ops;
