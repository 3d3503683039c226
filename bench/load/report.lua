-- wrk script: every request asks for compressed HTML, as browsers do, and at the end one
-- line of tab-separated numbers for run.sh (wrk's --latency table prints the same
-- percentiles for people):
-- requests, seconds, requests/s, p50 ms, p99 ms, max ms, non-2xx/3xx, socket errors.
wrk.headers["Accept-Encoding"] = "gzip, deflate, br"
wrk.headers["Accept-Language"] = "id"

function done(summary, latency, requests)
   local seconds = summary.duration / 1e6
   local errors = summary.errors
   io.write(string.format("WRK_RESULT\t%d\t%.2f\t%.1f\t%.2f\t%.2f\t%.2f\t%d\t%d\n",
      summary.requests, seconds, summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
      errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
