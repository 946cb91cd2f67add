# A new function. OpenWhisk calls main() with the invocation's parameters merged
# with the function's default parameters, and expects a Hash back. puts output
# appears in the activation's logs.
def main(args)
  name = args.fetch('name', 'world')
  puts "greeting #{name}"
  { 'greeting' => "Hello, #{name}!" }
end
