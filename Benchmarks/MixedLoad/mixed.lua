-- The mixed load of script/bench: many distinct signed-in teachers, each opening their own plan pages (the overview, the
-- check-in page, the action plan), and one request in ten a save through the real form: a check-in or an action-step
-- change, alternately. Teachers come from MIXED_TEACHERS (written by prepare.py), one per line.
--
-- Each wrk thread takes its own share of the teachers and goes round them in turn, so a teacher's next request comes
-- hundreds of requests after the last and their saves never overlap; the plan version each save names is the one the
-- previous save left (every save moves it on by one), as a person's browser would have it. A save that still met a
-- changed plan answers 409 and shows in wrk's "Non-2xx or 3xx responses".

-- MIXED_SAVES=0 makes a warm-up that only reads, so the versions the teachers' forms hold stay current.
local saving = os.getenv("MIXED_SAVES") ~= "0"
-- MIXED_THINK_MS: how long, on average, each connection pauses between a response and its next request, as a person
-- reads a page before the next click; drawn at random (exponentially) around that mean, so that the connections do not
-- move in step. Unset or 0: no pause, so the load is as many requests as the server can answer.
local think = tonumber(os.getenv("MIXED_THINK_MS") or "0")
if think > 0 then
  function delay()
    return math.floor(-think * math.log(1 - math.random()))
  end
end
local counter = 0
local threads = 0

function setup(thread)
  thread:set("thread_number", threads)
  threads = threads + 1
end

function init(args)
  math.randomseed(os.time() * 16 + thread_number)
  teachers = {}
  local total = tonumber(os.getenv("MIXED_THREADS") or "1")
  local index = 0
  for line in io.lines(os.getenv("MIXED_TEACHERS")) do
    if index % total == thread_number then
      local f = {}
      for field in string.gmatch(line, "([^\t]*)\t?") do f[#f + 1] = field end
      teachers[#teachers + 1] = {
        cookie = f[1], plan = f[2], version = tonumber(f[3]), check_in_action = f[4], check_in_body = f[5],
        step_action = f[6], step_body = f[7], saves = 0, visits = 0,
      }
    end
    index = index + 1
  end
  pages = { "", "/check-ins", "/actions" }
end

function request()
  counter = counter + 1
  local number = (counter % #teachers) + 1
  local teacher = teachers[number]
  teacher.visits = teacher.visits + 1
  local headers = { ["Cookie"] = teacher.cookie }
  -- Every teacher's tenth visit is a save, spread so that one request in ten across the whole load is one.
  if saving and (teacher.visits + number) % 10 == 0 then
    teacher.saves = teacher.saves + 1
    local action, template = teacher.check_in_action, teacher.check_in_body
    if teacher.saves % 2 == 0 then action, template = teacher.step_action, teacher.step_body end
    local body = template:gsub("__VERSION__", tostring(teacher.version)):gsub("__N__", tostring(1 + teacher.saves % 9))
    teacher.version = teacher.version + 1
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    return wrk.format("POST", action, headers, body)
  end
  return wrk.format("GET", teacher.plan .. pages[teacher.visits % #pages + 1], headers)
end
