<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>InvokeCommand</name>
    <message>
        <source>Try 'funcdeskd invoke --help'.</source>
        <translation>请运行 'funcdeskd invoke --help' 查看用法。</translation>
    </message>
    <message>
        <source>--%1 expects a number, got '%2'</source>
        <translation>--%1 需要一个数字，但得到的是 '%2'</translation>
    </message>
    <message>
        <source>Run a function once (or N times in one warm process) on the local executor and print each activation record as one line of JSON.</source>
        <translation>在本地执行器上运行一次函数（或在同一个热进程中运行 N 次），并将每条激活记录输出为一行 JSON。</translation>
    </message>
    <message>
        <source>The function's source file (.js or .py).</source>
        <translation>函数的源文件（.js 或 .py）。</translation>
    </message>
    <message>
        <source>Runtime kind (default: from the file's extension).</source>
        <translation>运行时类型（默认根据文件扩展名确定）。</translation>
    </message>
    <message>
        <source>Name of the entry function (default: main).</source>
        <translation>入口函数名（默认：main）。</translation>
    </message>
    <message>
        <source>Action name used in the record (default: the file's base name).</source>
        <translation>记录中使用的动作名称（默认：文件名去掉扩展名）。</translation>
    </message>
    <message>
        <source>A parameter; VALUE is JSON when it parses, else a string. Repeatable.</source>
        <translation>一个参数；VALUE 能解析为 JSON 时按 JSON 处理，否则作为字符串。可重复指定。</translation>
    </message>
    <message>
        <source>A JSON object file of parameters.</source>
        <translation>包含参数的 JSON 对象文件。</translation>
    </message>
    <message>
        <source>Memory limit in MB.</source>
        <translation>内存上限（MB）。</translation>
    </message>
    <message>
        <source>CPU limit in vCPUs (e.g. 0.25).</source>
        <translation>CPU 上限（vCPU，例如 0.25）。</translation>
    </message>
    <message>
        <source>Timeout in milliseconds.</source>
        <translation>超时时间（毫秒）。</translation>
    </message>
    <message>
        <source>Log limit in MB.</source>
        <translation>日志上限（MB）。</translation>
    </message>
    <message>
        <source>Invoke N times in one warm process.</source>
        <translation>在同一个热进程中调用 N 次。</translation>
    </message>
    <message>
        <source>expected exactly one FILE</source>
        <translation>需要且只能指定一个 FILE</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>the action name '%1' is not valid: %2</source>
        <translation>动作名称 '%1' 无效：%2</translation>
    </message>
    <message>
        <source>cannot tell the runtime from the file name %1; pass --kind</source>
        <translation>无法从文件名 %1 判断运行时；请使用 --kind 指定</translation>
    </message>
    <message>
        <source>--repeat expects a positive number</source>
        <translation>--repeat 需要一个正整数</translation>
    </message>
</context>
<context>
    <name>funcdesk::MainWindow</name>
    <message>
        <source>Funcdesk</source>
        <translation>Funcdesk</translation>
    </message>
    <message>
        <source>Functions will appear here.</source>
        <translation>函数将显示在这里。</translation>
    </message>
    <message>
        <source>Connection: Local</source>
        <translation>连接：本地</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Funcdesk</source>
        <translation>关于 Funcdesk(&amp;A)</translation>
    </message>
    <message>
        <source>About Funcdesk</source>
        <translation>关于 Funcdesk</translation>
    </message>
    <message>
        <source>Funcdesk %1
A desktop console for serverless functions.</source>
        <translation>Funcdesk %1
无服务器函数的桌面控制台。</translation>
    </message>
</context>
<context>
    <name>funcdeskd</name>
    <message>
        <source>Cannot read the params file %1: %2</source>
        <translation>无法读取参数文件 %1：%2</translation>
    </message>
    <message>
        <source>The params file %1 is not a JSON object: %2</source>
        <translation>参数文件 %1 不是 JSON 对象：%2</translation>
    </message>
    <message>
        <source>found another JSON value</source>
        <translation>发现的是其他类型的 JSON 值</translation>
    </message>
    <message>
        <source>--param expects KEY=VALUE, got '%1'</source>
        <translation>--param 需要 KEY=VALUE 形式，但得到的是 '%1'</translation>
    </message>
    <message>
        <source>Usage: funcdeskd &lt;command&gt; [options]

Commands:
  invoke FILE   run a function on the local executor and print its activation records
  serve         run the local platform behind the OpenWhisk REST API

Run 'funcdeskd &lt;command&gt; --help' for a command's options.</source>
        <translation>用法：funcdeskd &lt;命令&gt; [选项]

命令：
  invoke FILE   在本地执行器上运行函数并输出其激活记录
  serve         运行本地平台并通过 OpenWhisk REST API 提供服务

运行 'funcdeskd &lt;命令&gt; --help' 查看该命令的选项。</translation>
    </message>
    <message>
        <source>funcdeskd: unknown command '%1'</source>
        <translation>funcdeskd：未知命令 '%1'</translation>
    </message>
</context>
<context>
    <name>ServeCommand</name>
    <message>
        <source>Try 'funcdeskd serve --help'.</source>
        <translation>请尝试 'funcdeskd serve --help'。</translation>
    </message>
    <message>
        <source>--auth and --auth-file exclude each other</source>
        <translation>--auth 与 --auth-file 不能同时使用</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>the key must look like UUID:KEY</source>
        <translation>密钥的格式必须为 UUID:KEY</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Run the local function platform behind the OpenWhisk REST API (and web actions).</source>
        <translation>运行本地函数平台，并通过 OpenWhisk REST API（及 Web 动作）提供服务。</translation>
    </message>
    <message>
        <source>Address to listen on (default: 127.0.0.1, loopback only).</source>
        <translation>监听地址（默认：127.0.0.1，仅本机回环）。</translation>
    </message>
    <message>
        <source>Port to listen on; 0 picks a free one (default: 3233).</source>
        <translation>监听端口；0 表示自动选择空闲端口（默认：3233）。</translation>
    </message>
    <message>
        <source>Folder of the platform's database and auth file (default: %1).</source>
        <translation>平台数据库和认证文件所在的文件夹（默认：%1）。</translation>
    </message>
    <message>
        <source>Set the key of the 'guest' namespace.</source>
        <translation>设置 'guest' 命名空间的密钥。</translation>
    </message>
    <message>
        <source>Set the key of the 'guest' namespace from a file holding UUID:KEY.</source>
        <translation>从包含 UUID:KEY 的文件中设置 'guest' 命名空间的密钥。</translation>
    </message>
    <message>
        <source>Override one setting of DATA_DIR/config.json, e.g. limits.memory.max=4096. Repeatable.</source>
        <translation>覆盖 DATA_DIR/config.json 中的一项设置，例如 limits.memory.max=4096。可重复使用。</translation>
    </message>
    <message>
        <source>Do not log a line per request.</source>
        <translation>不为每个请求记录一行日志。</translation>
    </message>
    <message>
        <source>unexpected argument '%1'</source>
        <translation>意外的参数 '%1'</translation>
    </message>
    <message>
        <source>--host expects an IP address, got '%1'</source>
        <translation>--host 需要 IP 地址，但得到的是 '%1'</translation>
    </message>
    <message>
        <source>--port expects a number from 0 to 65535, got '%1'</source>
        <translation>--port 需要 0 到 65535 之间的数字，但得到的是 '%1'</translation>
    </message>
    <message>
        <source>cannot create the data folder %1</source>
        <translation>无法创建数据文件夹 %1</translation>
    </message>
    <message>
        <source>funcdeskd: the key of namespace '%1' is in %2 (readable by you only)</source>
        <translation>funcdeskd：命名空间 '%1' 的密钥保存在 %2（仅您本人可读）</translation>
    </message>
    <message>
        <source>cannot install the signal handlers</source>
        <translation>无法安装信号处理程序</translation>
    </message>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation>无法在 %1:%2 上监听：%3</translation>
    </message>
    <message>
        <source>funcdeskd: shutting down</source>
        <translation>funcdeskd：正在关闭</translation>
    </message>
</context>
</TS>