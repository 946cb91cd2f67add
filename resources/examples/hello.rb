# Hello, Ruby: an OpenWhisk action, unchanged.
#
#     funcdeskd invoke resources/examples/hello.rb --param name=Ada

def main(args)
  name = args.fetch('name', 'stranger')
  puts "greeting #{name}"
  { 'greeting' => "Hello, #{name}!" }
end
