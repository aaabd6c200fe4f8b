-- wrk script: every request POSTs a hold on an opening no other request of the run asks for.
--
--   wrk -t2 -c64 -d30s --latency -s holds.lua http://127.0.0.1:8281 -- DAYS FIRST THREADS [SLUG [RATE]]
--
-- DAYS is a file of "YYYY-MM-DD +HH:MM" lines: the local dates to book and the offset of the practice's
-- zone on each (at midday; the zone changes its offset only at night, outside the working hours). Request n
-- of thread t (counted from 0) takes opening number FIRST + n * THREADS + t; openings are numbered provider
-- first, then start time, then date, so neighbouring requests ask for different providers. The practice is
-- the one run.sh writes: providers P01..P20, starts every 30 minutes from 07:00 to 18:30, reason "visit".
--
-- With RATE (holds per second, all threads together) above 0, each thread sends its requests on a schedule
-- of RATE / THREADS a second, as clients arriving at that rate would, rather than as fast as answers come
-- back; a request whose time has come waits only for a free connection. Without it, every connection sends
-- its next request as soon as the last one is answered.

local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } holds_timespec;
int clock_gettime(int clock, holds_timespec *now);
]]
local CLOCK_MONOTONIC = 1
local timespec = ffi.new("holds_timespec")

local function millis()
   ffi.C.clock_gettime(CLOCK_MONOTONIC, timespec)
   return tonumber(timespec.tv_sec) * 1000 + tonumber(timespec.tv_nsec) / 1e6
end

local PROVIDERS = 20
local FIRST_MINUTE = 7 * 60
local STARTS = 24
local MINUTES = 30

local threads = {}

function setup(thread)
   thread:set("id", #threads)
   table.insert(threads, thread)
end

function init(args)
   days = {}
   for line in io.lines(args[1]) do
      local date, offset = line:match("^(%d%d%d%d%-%d%d%-%d%d) ([+-]%d%d:%d%d)$")
      if date then
         table.insert(days, { date = date, offset = offset })
      end
   end
   first = tonumber(args[2])
   stride = tonumber(args[3])
   local slug = args[4] or "bench"
   local rate = tonumber(args[5] or "0")
   if rate > 0 then
      interval = 1000 * stride / rate
   end
   path = "/api/v1/practices/" .. slug .. "/holds"
   headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }
   sent = 0
   created = 0
   others = {}
   exhausted = 0
end

local function clock(minute)
   return string.format("%02d:%02d:00", math.floor(minute / 60), minute % 60)
end

function request()
   local number = first + sent * stride + id
   sent = sent + 1
   local provider = number % PROVIDERS
   local start = math.floor(number / PROVIDERS) % STARTS
   local day = days[math.floor(number / (PROVIDERS * STARTS)) + 1]
   if day == nil then
      -- every opening of the file is taken: stop rather than ask for one twice
      exhausted = exhausted + 1
      wrk.thread:stop()
      day = days[#days]
   end
   local minute = FIRST_MINUTE + start * MINUTES
   local body = string.format(
      '{"reason":"visit","provider":"P%02d","start":"%sT%s%s","end":"%sT%s%s"}',
      provider + 1, day.date, clock(minute), day.offset, day.date, clock(minute + MINUTES), day.offset)
   return wrk.format("POST", path, headers, body)
end

function delay()
   if interval == nil then
      return 0
   end
   local now = millis()
   -- the next time on this thread's schedule; one that has passed is not made up for by a burst
   slot = math.max((slot or now) + interval, now)
   return math.floor(slot - now)
end

function response(status, headers, body)
   if status == 201 then
      created = created + 1
   else
      local key = tostring(status)
      others[key] = (others[key] or 0) + 1
      if (others[key] <= 3) then
         io.stderr:write(string.format("status %d: %s\n", status, body))
      end
   end
end

function done(summary, latency, requests)
   local created_total, other_total, exhausted_total = 0, 0, 0
   local by_status = {}
   for _, thread in ipairs(threads) do
      created_total = created_total + thread:get("created")
      exhausted_total = exhausted_total + thread:get("exhausted")
      for status, count in pairs(thread:get("others")) do
         by_status[status] = (by_status[status] or 0) + count
         other_total = other_total + count
      end
   end
   local seconds = summary.duration / 1e6
   local statuses = {}
   for status, count in pairs(by_status) do
      table.insert(statuses, status .. "=" .. count)
   end
   table.sort(statuses)
   local errors = summary.errors
   io.write(string.format("result.seconds %.1f\n", seconds))
   io.write(string.format("result.created %d\n", created_total))
   io.write(string.format("result.other %d %s\n", other_total, table.concat(statuses, ",")))
   io.write(string.format("result.socket_errors connect=%d read=%d write=%d timeout=%d\n",
      errors.connect, errors.read, errors.write, errors.timeout))
   io.write(string.format("result.exhausted %d\n", exhausted_total))
   io.write(string.format("result.holds_per_second %.0f\n", created_total / seconds))
   for _, p in ipairs({ 50, 90, 99 }) do
      io.write(string.format("result.p%d_ms %.1f\n", p, latency:percentile(p) / 1000))
   end
   io.write(string.format("result.max_ms %.1f\n", latency.max / 1000))
end
