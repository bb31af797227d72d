/*
 * Memora operations dashboard. No framework and no build step: the page is static and public, and everything it
 * shows comes from the ADMIN API, read with the bearer token the operator signs in with (kept in this tab's
 * sessionStorage only). Data is always written with textContent, never as HTML.
 */
'use strict';

(() => {
    const TOKEN_KEY = 'memora.admin.token';
    const REFRESH_MS = 5000;
    /** The review cache status SCANs Redis: its panel refreshes less often (and on "Refresh now"). */
    const SRS_REFRESH_MS = 60000;
    const SEASONS_SHOWN = 50;

    let token = sessionStorage.getItem(TOKEN_KEY);
    let timer = null;
    let refreshing = false;
    /** The review cache status and the seasons as last fetched; the season filter works on these. */
    let srs = null;
    let srsFetchedAt = 0;

    const $ = (id) => document.getElementById(id);

    // ---- small DOM helpers ---------------------------------------------------------------------------------------

    /** Creates an element; attributes are set as properties or attributes, children are nodes or text. */
    function el(tag, attributes, ...children) {
        const element = document.createElement(tag);
        Object.entries(attributes || {}).forEach(([name, value]) => {
            if (value === null || value === undefined || value === false) {
                return;
            }
            if (name === 'text') {
                element.textContent = String(value);
            } else if (name === 'className') {
                element.className = value;
            } else if (name.startsWith('on') && typeof value === 'function') {
                element.addEventListener(name.substring(2), value);
            } else {
                element.setAttribute(name, value === true ? '' : String(value));
            }
        });
        children.flat().forEach((child) => {
            if (child === null || child === undefined) {
                return;
            }
            element.append(child instanceof Node ? child : document.createTextNode(String(child)));
        });
        return element;
    }

    function td(text, attributes) {
        return el('td', Object.assign({ text: text === null || text === undefined ? '—' : text }, attributes));
    }

    function badge(text, tone) {
        return el('span', { className: 'badge ' + (tone || ''), text });
    }

    /** Replaces a table body's rows and keeps keyboard focus on the control that had it, if it is still there. */
    function fillRows(tbodyId, rows, emptyId) {
        const tbody = $(tbodyId);
        const focused = document.activeElement;
        const focusKey = focused && tbody.contains(focused) ? focused.getAttribute('data-key') : null;
        tbody.replaceChildren(...rows);
        if (emptyId) {
            $(emptyId).hidden = rows.length > 0;
        }
        if (focusKey) {
            const again = tbody.querySelector('[data-key="' + CSS.escape(focusKey) + '"]');
            if (again) {
                again.focus();
            }
        }
    }

    function when(iso) {
        if (!iso) {
            return '—';
        }
        const date = new Date(iso);
        const seconds = Math.round((Date.now() - date.getTime()) / 1000);
        const ago = Math.abs(seconds) < 60 ? Math.abs(seconds) + ' s'
            : Math.abs(seconds) < 3600 ? Math.round(Math.abs(seconds) / 60) + ' min'
                : Math.abs(seconds) < 86400 ? Math.round(Math.abs(seconds) / 3600) + ' h'
                    : Math.round(Math.abs(seconds) / 86400) + ' d';
        return date.toLocaleString() + (seconds >= 0 ? ' (' + ago + ' ago)' : ' (in ' + ago + ')');
    }

    function timeCell(iso) {
        return td(when(iso), { title: iso || '' });
    }

    function figures(dlId, pairs) {
        $(dlId).replaceChildren(...pairs.flatMap(([label, value]) => [el('dt', { text: label }),
                                                                      el('dd', { text: value })]));
    }

    function statusTone(status) {
        switch (status) {
            case 'SUCCESS': case 'LOCAL_ONLY': case 'healthy': case 'SUCCEEDED': case 'reported': return 'ok';
            case 'QUEUED': case 'PROCESSING': case 'RUNNING': case 'RETRY_WAIT': case 'warning': case 'WARNING':
            case 'skipped': case 'CANCELLED': return 'warn';
            case 'FAILED': case 'DEAD_LETTER': case 'critical': case 'CRITICAL': case 'failed': return 'bad';
            default: return 'info';
        }
    }

    // ---- messages ------------------------------------------------------------------------------------------------

    function say(text, isError) {
        const message = el('p', { className: isError ? 'error' : '', text });
        $('messages').prepend(message);
        while ($('messages').children.length > 3) {
            $('messages').lastElementChild.remove();
        }
        setTimeout(() => message.remove(), isError ? 20000 : 10000);
    }

    // ---- the API -------------------------------------------------------------------------------------------------

    class ApiError extends Error {
        constructor(status, problem, fallback) {
            super(problem && (problem.detail || problem.title) ? (problem.detail || problem.title)
                : fallback || ('HTTP ' + status));
            this.status = status;
            this.problem = problem;
        }
    }

    async function api(method, path, body) {
        const headers = { Accept: 'application/json', Authorization: 'Bearer ' + token };
        if (body !== undefined) {
            headers['Content-Type'] = 'application/json';
        }
        const response = await fetch(path, {
            method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store',
        });
        const text = await response.text();
        let data = null;
        try {
            data = text ? JSON.parse(text) : null;
        } catch (ignored) {
            data = null;
        }
        if (!response.ok) {
            throw new ApiError(response.status, data, response.status + ' ' + response.statusText);
        }
        return data;
    }

    /** Runs one panel's loading; its failure is shown in the panel, and a lost session signs out. */
    async function panel(sectionId, load) {
        const section = $(sectionId);
        let error = section.querySelector(':scope > .panel-error');
        try {
            await load();
            if (error) {
                error.remove();
            }
        } catch (e) {
            if (e.status === 401) {
                throw e;
            }
            if (!error) {
                error = el('p', { className: 'error panel-error', role: 'alert' });
                section.querySelector('h2').after(error);
            }
            error.textContent = 'Could not load: ' + e.message;
        }
    }

    // ---- panels --------------------------------------------------------------------------------------------------

    async function loadQueue() {
        const queue = await api('GET', '/api/admin/export/queue');
        figures('queue-figures', [
            ['Waiting for a build', queue.pending_plans],
            ['Building now', queue.building.length],
            ['Waiting to retry', count(queue.retry_wait_count, queue.retry_wait)],
            ['Dead letters', count(queue.dead_letter_count, queue.dead_letters)],
            ['Failed', queue.failed.length],
            ['Files still to remove', queue.pending_removals],
            ['Batch', 'every ' + queue.batch.interval_minutes + ' min or ' + queue.batch.threshold + ' plans'],
        ]);
        // the CDN block comes with issue 5's wiring; without it builds stay local (LOCAL_ONLY)
        const cdn = queue.cdn;
        $('queue-cdn').textContent = !cdn ? 'CDN: not wired in this service; builds stay local.'
            : !cdn.enabled ? 'CDN: disabled; builds stay local.'
                : 'CDN: ' + (cdn.ready ? 'ready' : 'not ready yet') + ', ' + (cdn.healthy ? 'healthy'
                    : 'unhealthy — content links fall back to local files') + '; ' + cdn.plans_owing
                  + ' plan(s) owe it files.';
        const paused = $('queue-paused');
        paused.hidden = !queue.batch.paused_reason;
        paused.textContent = queue.batch.paused_reason
            ? 'Generation paused since ' + when(queue.batch.paused_since) + ': ' + queue.batch.paused_reason : '';

        fillRows('dead-letter-rows', queue.dead_letters.map((plan) => el('tr', { 'data-plan': plan.plan_id },
            td(plan.plan_id, { className: 'mono' }),
            timeCell(plan.last_attempt_at || plan.since),
            td(plan.attempts, { className: 'num' }),
            td(plan.last_error, { className: 'wrap', dir: 'auto' }),
            el('td', {}, el('button', {
                type: 'button', className: 'retry', 'data-key': 'retry:' + plan.plan_id,
                'aria-label': 'Retry plan ' + plan.plan_id, text: 'Retry',
                onclick: (event) => retry(plan.plan_id, event.currentTarget),
            })))), 'dead-letters-empty');

        const rows = [];
        queue.building.forEach((plan) => rows.push(stateRow(plan.plan_id, 'building', 'PROCESSING', plan.since, null,
                                                            null)));
        queue.retry_wait.forEach((plan) => rows.push(stateRow(plan.plan_id, 'waiting to retry', 'RETRY_WAIT',
                                                              plan.since, null, (plan.next_retry_at
                ? 'next try ' + when(plan.next_retry_at) + (plan.attempts ? ' (attempt ' + (plan.attempts + 1) + ')'
                    : '') + '. ' : '') + (plan.last_error || ''))));
        queue.failed.forEach((plan) => rows.push(stateRow(plan.plan_id, 'failed', 'FAILED', plan.since, null,
                                                          plan.last_error)));
        queue.pending.forEach((plan) => rows.push(stateRow(plan.plan_id, plan.manual ? 'queued by an operator'
            : 'waiting', 'QUEUED', plan.first_marked_at, plan.changes, plan.reason)));
        fillRows('queue-rows', rows, 'queue-empty');
        const run = queue.last_run;
        $('last-run').textContent = run
            ? 'Last run ' + when(run.started_at) + ' (' + run.trigger + ', node ' + run.node + '): '
              + run.plans_built + ' built, ' + run.plans_failed + ' failed, ' + run.plans_skipped + ' skipped.'
            : 'No batch has run yet.';
    }

    /** A count the service gives (issue 5 adds them), else the length of the list it names. */
    function count(total, listed) {
        return total === undefined || total === null ? listed.length : total;
    }

    function stateRow(planId, label, status, since, changes, note) {
        return el('tr', { 'data-plan': planId },
            td(planId, { className: 'mono' }),
            el('td', {}, badge(label, statusTone(status))),
            timeCell(since),
            td(changes === null ? '' : changes, { className: 'num' }),
            td(note || '', { className: 'wrap', dir: 'auto' }));
    }

    async function loadLogs() {
        const logs = await api('GET', '/api/admin/export/logs?limit=15');
        fillRows('log-rows', logs.entries.map((entry) => el('tr', { 'data-plan': entry.plan_id },
            td(entry.plan_id, { className: 'mono' }),
            el('td', {}, badge(entry.status, statusTone(entry.status)),
               entry.next_retry_at ? el('div', { className: 'muted', text: 'retry ' + when(entry.next_retry_at) })
                   : null),
            td(entry.trigger),
            td(entry.files_written + ' / ' + entry.files_unchanged + ' / ' + entry.files_deleted, { className: 'num' }),
            td(entry.files_uploaded + (entry.sync_verified === true ? ' ✓ verified'
                : entry.sync_verified === false ? ' ✗ not verified' : ''), { className: 'num' }),
            timeCell(entry.finished_at || entry.started_at),
            td(entry.error || '', { className: 'wrap', dir: 'auto' }))), 'logs-empty');
    }

    async function loadHealth() {
        let report = null;
        try {
            report = await api('GET', '/api/admin/health/content');
        } catch (e) {
            if (e.status !== 404) {
                throw e;
            }
        }
        const history = await api('GET', '/api/admin/health/content/history?limit=10');
        const status = $('health-status');
        if (!report) {
            status.className = 'badge';
            status.textContent = 'no report yet';
            $('health-when').textContent = '';
            figures('health-figures', []);
            $('health-report').replaceChildren(el('p', { className: 'empty', text: 'No report yet.' }));
        } else {
            status.className = 'badge ' + statusTone(report.status);
            status.textContent = report.status;
            $('health-when').textContent = (report.kind === 'full' ? 'Full scan ' : 'Quick check ')
                + when(report.timestamp);
            const pairs = [['Missing files', report.missing_files_count]];
            if (report.kind === 'full') {
                pairs.push(['Orphan files', report.orphan_files_count]);
                pairs.push(['Differ on the CDN', report.cdn_checked ? report.hash_mismatches_count : 'not compared']);
                pairs.push(['Files expected', report.total_files_expected]);
            } else {
                pairs.push(['Files sampled', report.sample_files_checked]);
            }
            figures('health-figures', pairs);
            $('health-report').replaceChildren(...reportDetails(report));
        }
        $('health-schedule').textContent = 'Quick checks run hourly within business hours ('
            + history.schedule.business_hours + '), sampling ' + history.schedule.sample_size
            + ' files; a full scan runs nightly.';
        fillRows('health-runs', history.runs.map((run) => el('tr', {},
            timeCell(run.started_at),
            td(run.kind),
            el('td', {}, badge(run.status, statusTone(run.status))),
            td(run.trigger),
            td(run.reason || (run.report && run.report.action_taken) || '', { className: 'wrap' }))));
    }

    function reportDetails(report) {
        const parts = [el('p', {}, 'Status ', badge(report.status, statusTone(report.status)), ' — ',
                          (report.kind === 'full' ? 'full scan' : 'quick check'), ' at ', when(report.timestamp),
                          ', disk ' + report.disk_free_percent + ' % free.')];
        if (report.action_taken) {
            parts.push(el('p', { text: 'Action taken: ' + report.action_taken }));
        }
        if (report.cdn_error) {
            parts.push(el('p', { className: 'warning', text: 'The CDN could not be compared: ' + report.cdn_error }));
        }
        parts.push(...pathList('Missing files', report.missing_files, report.missing_files_count));
        parts.push(...pathList('Orphan files', report.orphan_files, report.orphan_files_count));
        if (report.hash_mismatches && report.hash_mismatches.length) {
            parts.push(el('h3', { text: 'Files whose CDN copy differs (' + report.hash_mismatches_count + ')' }));
            parts.push(el('ul', { className: 'paths' }, report.hash_mismatches.slice(0, 50).map((mismatch) =>
                el('li', {}, el('code', { text: mismatch.path }),
                   ' local ' + mismatch.local_hash + ', CDN ' + mismatch.cdn_hash))));
        }
        return parts;
    }

    function pathList(title, paths, count) {
        if (!paths || !paths.length) {
            return [];
        }
        return [el('h3', { text: title + ' (' + count + ')' }),
                el('ul', { className: 'paths' }, paths.slice(0, 50).map((path) => el('li', {},
                                                                                    el('code', { text: path })))),
                paths.length > 50 || count > paths.length
                    ? el('p', { className: 'muted', text: 'The first 50 are shown; the API lists more.' }) : null]
            .filter(Boolean);
    }

    async function loadDisk() {
        const disk = await api('GET', '/api/admin/health/disk');
        const status = $('disk-status');
        status.className = 'badge ' + (disk.ok ? 'ok' : 'bad');
        status.textContent = disk.ok ? 'enough space' : 'low';
        $('disk-free').textContent = disk.free_percent.toFixed(1) + ' % free';
        $('disk-meter').value = disk.free_percent;
        $('disk-detail').textContent = disk.description + '; builds need at least ' + disk.minimum_free_percent
            + ' % free.';
        const paused = $('disk-paused');
        paused.hidden = !disk.generation_paused;
        paused.textContent = disk.generation_paused
            ? 'Plan builds are paused for lack of space since ' + when(disk.paused_since)
              + '. They resume by themselves once space is back.' : '';
    }

    /**
     * Fetches the review cache status and the seasons when forced or once a minute; otherwise (a 5-second tick, a
     * keystroke in the season filter) it only draws what it has.
     */
    async function loadSrs(force) {
        if (force || !srs || Date.now() - srsFetchedAt >= SRS_REFRESH_MS) {
            let cache = null;
            try {
                cache = await api('GET', '/api/admin/srs/cache' + (force ? '?fresh=true' : ''));
            } catch (e) {
                if (e.status !== 404) {
                    throw e;
                }
            }
            const seasons = (await api('GET', '/api/seasons')).seasons;
            srs = { cache, seasons };
            srsFetchedAt = Date.now();
            drawSrsSummary();
        }
        drawSeasons();
    }

    function drawSrsSummary() {
        const cache = srs.cache;
        const safeMode = $('safe-mode');
        const unavailable = $('srs-unavailable');
        if (!cache) {
            safeMode.className = 'badge';
            safeMode.textContent = 'status unavailable';
            unavailable.hidden = false;
            unavailable.textContent = 'This service does not report the review cache (GET /api/admin/srs/cache).';
            figures('srs-figures', []);
        } else {
            unavailable.hidden = true;
            safeMode.className = 'badge ' + (cache.safe_mode ? 'bad' : 'ok');
            safeMode.textContent = cache.safe_mode ? 'Safe Mode: reads from PostgreSQL' : 'Normal mode';
            figures('srs-figures', [
                ['Redis', cache.redis_connected ? 'connected' : 'not connected'],
                ['Memory used', cache.memory_used_mb === null ? '—' : cache.memory_used_mb + ' MB'],
                ['Cached queues', cache.total_keys === null ? '—' : cache.total_keys],
                ['Counted', cache.keys_counted_at ? when(cache.keys_counted_at) : '—'],
            ]);
        }
    }

    /** The season filter filters what was fetched, in the page: typing asks the server nothing. */
    function drawSeasons() {
        if (!srs) {
            return;
        }
        const seasons = srs.seasons;
        const keys = (srs.cache && srs.cache.keys_by_season) || {};
        const filter = $('season-filter').value.trim().toUpperCase();
        const matching = seasons.filter((season) => !filter || season.id.toUpperCase().includes(filter));
        const shown = matching.sort((a, b) => (b.is_active - a.is_active) || (b.enable_redis - a.enable_redis)
                                                    || ((keys[b.id] || 0) - (keys[a.id] || 0))
                                                    || b.id.localeCompare(a.id))
                             .slice(0, SEASONS_SHOWN);
        fillRows('season-rows', shown.map((season) => el('tr', { 'data-season': season.id },
            td(season.id, { className: 'mono', title: season.title }),
            td(season.is_active ? 'active' : ''),
            td(season.enable_redis ? 'yes' : 'no'),
            td(keys[season.id] === undefined ? '—' : keys[season.id], { className: 'num' }),
            el('td', {}, season.enable_redis ? el('button', {
                type: 'button', 'data-key': 'rebuild:' + season.id, text: 'Rebuild cache',
                'aria-label': 'Rebuild the review cache of ' + season.id,
                onclick: (event) => rebuildCache(season.id, event.currentTarget),
            }) : el('span', { className: 'muted', text: 'reads PostgreSQL' })))), 'seasons-empty');
        $('seasons-shown').textContent = matching.length > shown.length
            ? shown.length + ' of ' + matching.length + ' shown (active and cached first)' : '';
    }

    async function loadJobs() {
        const jobs = (await api('GET', '/api/admin/jobs?limit=10')).jobs;
        fillRows('job-rows', jobs.map((job) => el('tr', { 'data-job': job.id },
            td(job.description, { className: 'wrap', title: job.type + ' ' + job.id }),
            el('td', {}, badge(job.state, statusTone(job.state))),
            el('td', {}, job.percent === null || job.percent === undefined
                ? (job.state === 'RUNNING' ? el('progress', { 'aria-label': 'Progress of ' + job.description }) : '—')
                : [el('progress', { max: 100, value: job.percent, 'aria-label': 'Progress of ' + job.description }),
                   ' ' + job.percent + ' %']),
            timeCell(job.created_at),
            td(job.error || job.message || '', { className: 'wrap', dir: 'auto' }))), 'jobs-empty');
    }

    async function loadProcessors() {
        const processors = (await api('GET', '/api/admin/processors')).processors;
        fillRows('processor-rows', processors.map((processor) => el('tr', {},
            td(processor.processing_group, { className: 'mono' }),
            el('td', {}, processor.error ? badge('error', 'bad')
                : processor.running ? badge('running', 'ok') : badge('stopped', 'warn'),
               processor.error ? el('div', { className: 'muted', text: processor.error }) : null),
            el('td', {}, processor.replaying
                ? [el('progress', { max: 100, value: processor.percent,
                                    'aria-label': 'Replay of ' + processor.processing_group }),
                   ' ' + processor.percent + ' %']
                : 'not replaying'),
            td(processor.lag === null ? '—' : processor.lag, { className: 'num' }),
            td(processor.dead_letters, { className: 'num' }))));
    }

    async function loadParked() {
        const parked = (await api('GET', '/api/admin/dead-letters?limit=20')).dead_letters;
        fillRows('parked-rows', parked.map((event) => el('tr', {},
            td(event.group, { className: 'mono' }),
            td(event.event_type, { className: 'mono wrap', title: event.event_id }),
            td(event.aggregate ? event.aggregate + ' #' + event.aggregate_sequence_number : '—', { className: 'mono' }),
            timeCell(event.enqueued_at),
            td(event.retries, { className: 'num' }),
            td(event.cause || 'waits behind an earlier parked event', { className: 'wrap', dir: 'auto' }))),
                 'parked-empty');
    }

    async function loadNotifications() {
        const notifications = (await api('GET', '/api/admin/notifications?limit=15')).notifications;
        fillRows('notification-rows', notifications.map((notification) => el('tr', {},
            timeCell(notification.last_raised_at),
            el('td', {}, badge(notification.severity, statusTone(notification.severity))),
            td(notification.kind, { className: 'mono' }),
            td(notification.subject, { dir: 'auto' }),
            td(notification.message, { className: 'wrap', dir: 'auto' }),
            td(notification.occurrences, { className: 'num' }))), 'notifications-empty');
    }

    /** @param force also the panels that refresh only once a minute (the review cache), counted afresh */
    async function refresh(force) {
        force = force === true;
        if (refreshing || !token) {
            return;
        }
        refreshing = true;
        try {
            const results = await Promise.allSettled([
                panel('queue-summary', loadQueue), panel('logs', loadLogs), panel('health', loadHealth),
                panel('disk', loadDisk), panel('srs', () => loadSrs(force)), panel('jobs', loadJobs),
                panel('processors', loadProcessors), panel('parked', loadParked),
                panel('notifications', loadNotifications)]);
            if (results.some((result) => result.status === 'rejected' && result.reason.status === 401)) {
                signOut('Your token has expired or is no longer valid. Sign in again.');
                return;
            }
            $('last-updated').textContent = 'Updated ' + new Date().toLocaleTimeString();
        } finally {
            refreshing = false;
        }
    }

    // ---- actions -------------------------------------------------------------------------------------------------

    async function act(button, busyText, action, refreshAll) {
        const label = button.textContent;
        button.disabled = true;
        button.textContent = busyText;
        try {
            await action();
        } catch (e) {
            say(e.message, true);
        } finally {
            button.disabled = false;
            button.textContent = label;
            refresh(refreshAll === true);
        }
    }

    function retry(planId, button) {
        return act(button, 'Retrying…', async () => {
            const started = await api('POST', '/api/admin/export/plans/' + encodeURIComponent(planId) + '/retry');
            say('Plan ' + planId + ' was sent again' + (started && started.job_id
                ? ' (job ' + started.job_id + ')' : '') + '; the result shows in the sync logs.');
        });
    }

    function rebuildCache(seasonId, button) {
        return act(button, 'Starting…', async () => {
            const started = await api('POST', '/api/admin/srs/seasons/' + encodeURIComponent(seasonId)
                                              + '/rebuild-cache');
            say('Rebuilding the review cache of ' + seasonId + (started && started.job_id
                ? ' (job ' + started.job_id + '; progress under Background jobs).' : '.'));
        }, true);
    }

    function runCheck(kind, button) {
        return act(button, 'Starting…', async () => {
            const started = await api('POST', '/api/admin/health/content?kind=' + kind);
            say((kind === 'full' ? 'Full scan' : 'Quick check') + ' started (job ' + started.job_id
                + '); the report appears here when it ends.');
        });
    }

    // ---- signing in ----------------------------------------------------------------------------------------------

    function subjectOf(jwt) {
        try {
            const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
            const claims = JSON.parse(atob(payload + '='.repeat((4 - payload.length % 4) % 4)));
            return claims.sub + (claims.exp ? ', until ' + new Date(claims.exp * 1000).toLocaleString() : '');
        } catch (e) {
            return 'an administrator';
        }
    }

    async function signIn(candidate) {
        const error = $('signin-error');
        error.textContent = '';
        const cleaned = (candidate || '').trim().replace(/^Bearer\s+/i, '');
        if (!cleaned) {
            error.textContent = 'Paste a bearer token first.';
            return;
        }
        token = cleaned;
        try {
            await api('GET', '/api/admin/export/queue');
        } catch (e) {
            token = null;
            error.textContent = e.status === 401 ? 'That token is not valid here, or it has expired.'
                : e.status === 403 ? 'That token does not carry the ADMIN role.'
                    : 'Could not reach the service: ' + e.message;
            return;
        }
        sessionStorage.setItem(TOKEN_KEY, token);
        showDashboard();
    }

    function showDashboard() {
        $('signin').hidden = true;
        $('dashboard').hidden = false;
        $('session').hidden = false;
        $('signed-in-as').textContent = 'Signed in as ' + subjectOf(token);
        refresh();
        schedule();
        $('main').focus();
    }

    function signOut(reason) {
        token = null;
        sessionStorage.removeItem(TOKEN_KEY);
        clearInterval(timer);
        timer = null;
        $('dashboard').hidden = true;
        $('session').hidden = true;
        $('signin').hidden = false;
        $('token').value = '';
        $('signin-error').textContent = reason || '';
        $('token').focus();
    }

    function schedule() {
        clearInterval(timer);
        timer = $('auto-refresh').checked ? setInterval(refresh, REFRESH_MS) : null;
    }

    /** The embedded default hands out tokens on loopback (README "Tokens"); elsewhere the button stays hidden. */
    async function offerDevelopmentToken() {
        try {
            const response = await fetch('/dev/tokens/admin', { headers: { Accept: 'text/plain' }, cache: 'no-store' });
            $('dev-token').hidden = !response.ok;
        } catch (e) {
            $('dev-token').hidden = true;
        }
    }

    async function useDevelopmentToken() {
        try {
            const response = await fetch('/dev/tokens/admin', { headers: { Accept: 'text/plain' }, cache: 'no-store' });
            if (!response.ok) {
                throw new Error('the token helper answered ' + response.status);
            }
            await signIn(await response.text());
        } catch (e) {
            $('signin-error').textContent = 'No development token: ' + e.message;
        }
    }

    document.addEventListener('DOMContentLoaded', () => {
        $('main').setAttribute('tabindex', '-1');
        $('signin-form').addEventListener('submit', (event) => {
            event.preventDefault();
            signIn($('token').value);
        });
        $('dev-token').addEventListener('click', useDevelopmentToken);
        $('sign-out').addEventListener('click', () => signOut('Signed out.'));
        $('refresh-now').addEventListener('click', () => refresh(true));
        $('auto-refresh').addEventListener('change', schedule);
        $('season-filter').addEventListener('input', drawSeasons);
        $('run-full-scan').addEventListener('click', (event) => runCheck('full', event.currentTarget));
        $('run-quick-check').addEventListener('click', (event) => runCheck('quick', event.currentTarget));
        if (token) {
            showDashboard();
        } else {
            offerDevelopmentToken();
        }
    });
})();
