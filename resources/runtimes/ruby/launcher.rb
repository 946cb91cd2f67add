# frozen_string_literal: true

# Funcdesk Ruby launcher. The executor starts it blank (ruby launcher.rb), sends the action's code
# once (init) and then one request per activation (run) on stdin; the protocol is
# docs/runtime-protocol.md. Action code is OpenWhisk's: def main(args) returning a Hash.

require 'json'

# The outcome channel arrives as fd 3. Ruby's dup is close-on-exec; closing 3 means programs the
# action starts (system, spawn, backticks) never hold it and cannot forge outcomes.
FUNCDESK_OUTCOME = begin
  channel = IO.for_fd(3, 'w', autoclose: false)
  copy = channel.dup
  channel.close
  copy
rescue StandardError
  IO.for_fd(3, 'w')
end
FUNCDESK_OUTCOME.sync = true
FUNCDESK_STDIN = $stdin
$stdout.sync = true
$stderr.sync = true

# ENV[]= is setenv(3), and glibc keeps every value ever set for the life of the process: the
# per-activation values are kept here instead and read through ENV (ENV['__OW_ACTIVATION_ID'],
# ENV.fetch, ENV.key?). Programs the action starts see the values init set.
FUNCDESK_ACTIVATION_ENV = {}
class << ENV
  alias_method :funcdesk_get, :[]
  alias_method :funcdesk_fetch, :fetch
  alias_method :funcdesk_key, :key?

  def [](name)
    FUNCDESK_ACTIVATION_ENV.fetch(name) { funcdesk_get(name) }
  end

  def fetch(name, *rest, &block)
    FUNCDESK_ACTIVATION_ENV.fetch(name) { funcdesk_fetch(name, *rest, &block) }
  end

  def key?(name)
    FUNCDESK_ACTIVATION_ENV.key?(name) || funcdesk_key(name)
  end
  alias_method :include?, :key?
  alias_method :has_key?, :key?
  alias_method :member?, :key?
end

# An init failure whose message is the whole reason.
class FuncdeskInitFailure < StandardError; end

module Funcdesk
  NOT_A_DICT = '{"status":"action developer error","result":{"error":"The action did not return a dictionary."}}'

  module_function

  def developer_error(text)
    "{\"status\":\"action developer error\",\"result\":{\"error\":#{JSON.generate(text)}}}"
  end

  def init_error(reason)
    JSON.generate({ 'ok' => false, 'error' => "Initialization has failed due to: #{reason}" })
  end

  def describe(error)
    "#{error.class}: #{error.message}"
  end

  def backtrace(error)
    lines = (error.backtrace || []).reject { |line| line.start_with?(__FILE__) }
    ([describe(error)] + lines.map { |line| "\tfrom #{line}" }).join("\n") + "\n"
  end

  # Ends an init or run: the action's output first, then the outcome line on fd 3.
  def finish(outcome, log = nil)
    [$stdout, $stderr, STDOUT, STDERR].each do |stream|
      stream.flush
    rescue StandardError
      nil
    end
    STDERR.write(log) if log
    FUNCDESK_OUTCOME.write(outcome, "\n")
  end

  def load_code(spec)
    dir = File.join(ENV.fetch('TMPDIR', '/tmp'), "funcdesk-action-#{Process.pid}")
    Dir.mkdir(dir, 0o700) unless Dir.exist?(dir)
    return [spec['code'], spec['name'].to_s.empty? ? 'action.rb' : spec['name'].to_s] unless spec['binary']

    zip = File.join(dir, 'action.zip')
    File.binwrite(zip, spec['code'].unpack1('m'))
    output = IO.popen(['unzip', '-qq', '-o', zip, '-d', dir], err: %i[child out], &:read)
    File.delete(zip)
    raise FuncdeskInitFailure, "the zip file could not be unpacked: #{output}" unless $?.success?

    entry = File.join(dir, 'main.rb')
    raise FuncdeskInitFailure, 'the zip file does not contain main.rb' unless File.file?(entry)

    $LOAD_PATH.unshift(dir)
    Dir.chdir(dir)
    [File.read(entry), entry]
  end

  def initialise(request)
    spec = request.is_a?(Hash) ? request['init'] : nil
    unless spec.is_a?(Hash) && spec['code'].is_a?(String)
      raise FuncdeskInitFailure, 'the first request must be an init with the action code'
    end

    (spec['env'] || {}).each { |key, value| ENV[key.to_s] = value.is_a?(String) ? value : JSON.generate(value) }
    name = spec['main'].to_s.empty? ? 'main' : spec['main']
    unless name.is_a?(String) && name.match?(/\A[a-z_][A-Za-z0-9_]*[?!]?\z/)
      raise FuncdeskInitFailure, "main must be a method name, not #{JSON.generate(name)}"
    end

    source, file = load_code(spec)
    TOPLEVEL_BINDING.eval(source, file, 1)
    receiver = TOPLEVEL_BINDING.receiver
    raise FuncdeskInitFailure, "#{name} is not a function" unless receiver.respond_to?(name, true)

    receiver.method(name)
  end

  def run(entry, request)
    FUNCDESK_ACTIVATION_ENV.clear
    request.each { |key, value| FUNCDESK_ACTIVATION_ENV["__OW_#{key.upcase}"] = value if key != 'value' && value.is_a?(String) }
    begin
      result = entry.call(request.fetch('value', {}))
    rescue Exception => e # rubocop:disable Lint/RescueException -- a launcher must survive any action error
      raise if e.is_a?(SystemExit)

      return [developer_error("An error has occurred: #{describe(e)}"), backtrace(e)]
    end
    status = 'success'
    if result.is_a?(Hash)
      status = 'application error' if result.key?('error') || result.key?(:error)
    elsif !result.is_a?(Array)
      return [NOT_A_DICT, nil]
    end
    begin
      text = JSON.generate(result)
    rescue StandardError => e # NaN, Infinity, invalid UTF-8, too deep
      return [developer_error("The action did not produce a valid JSON response: #{e.message}"), nil]
    end
    ["{\"status\":\"#{status}\",\"result\":#{text}}", nil]
  end

  def serve
    entry = nil
    while (line = FUNCDESK_STDIN.gets)
      next if line.strip.empty?

      if entry.nil?
        begin
          entry = initialise(JSON.parse(line))
        rescue FuncdeskInitFailure => e
          finish(init_error(e.message))
          exit!(1)
        rescue Exception => e # rubocop:disable Lint/RescueException -- SyntaxError is a ScriptError
          finish(init_error(describe(e)), backtrace(e))
          exit!(1)
        end
        finish('{"ok":true}')
        next
      end
      outcome = begin
        request = JSON.parse(line)
        raise ArgumentError, 'the request is not a JSON object' unless request.is_a?(Hash)

        request.key?('init') ? [init_error('the action is already initialized'), nil] : run(entry, request)
      rescue StandardError => e # the launcher's own failure, e.g. a malformed request line
        [developer_error("The launcher could not handle the request: #{describe(e)}"), nil]
      end
      finish(*outcome)
    end
    exit!(0)
  end
end

Funcdesk.serve
