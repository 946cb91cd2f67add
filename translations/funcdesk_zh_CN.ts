<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlarmSchedule</name>
    <message>
        <source>once at %1</source>
        <translation>在 %1 触发一次</translation>
    </message>
    <message>
        <source>every minute</source>
        <translation>每分钟</translation>
    </message>
    <message>
        <source>every %1 minutes</source>
        <translation>每 %1 分钟</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>%1: the schedule in words, %2: its time zone, &quot;Europe/Berlin&quot;.</extracomment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1, from %2</source>
        <translation>%1，自 %2 起</translation>
    </message>
    <message>
        <source>%1, until %2</source>
        <translation>%1，至 %2 止</translation>
    </message>
</context>
<context>
    <name>CompareReport</name>
    <message>
        <source>only on the platform: %1</source>
        <translation>仅在平台上存在：%1</translation>
    </message>
    <message>
        <source>only locally: %1</source>
        <translation>仅在本地存在：%1</translation>
    </message>
    <message>
        <source>changed: %1</source>
        <translation>有变化：%1</translation>
    </message>
    <message>
        <source>Nothing to compare: both runs must finish</source>
        <translation>无可比较的内容：两次运行都必须完成</translation>
    </message>
    <message>
        <source>status: %1 locally, %2 on the platform</source>
        <translation>状态：本地为 %1，平台上为 %2</translation>
    </message>
    <message>
        <source>Same result locally and on the platform</source>
        <translation>本地与平台上的结果相同</translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n 处差异</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsoleRuntime</name>
    <message>
        <source>The data folder %1 cannot be created.</source>
        <translation>无法创建数据文件夹 %1。</translation>
    </message>
    <message>
        <source>The data folder %1 cannot be locked (is it writable?).</source>
        <translation>无法锁定数据文件夹 %1（它可写吗？）。</translation>
    </message>
    <message>
        <source>Another Funcdesk console (process %1) runs the local platform in %2 but has not said how to reach it yet: try again in a moment, or close it.</source>
        <translation>另一个 Funcdesk 控制台（进程 %1）正在 %2 中运行本地平台，但尚未告知如何连接它：请稍后再试，或关闭它。</translation>
    </message>
    <message>
        <source>Another Funcdesk console (process %1) runs the local platform in %2, but its %3 is damaged: close that console and start again.</source>
        <translation>另一个 Funcdesk 控制台（进程 %1）正在 %2 中运行本地平台，但它的 %3 已损坏：请关闭那个控制台后重新启动。</translation>
    </message>
    <message>
        <source>Starting the local platform…</source>
        <translation>正在启动本地平台…</translation>
    </message>
    <message>
        <source>The local platform is ready.</source>
        <translation>本地平台已就绪。</translation>
    </message>
    <message>
        <source>Using the local platform of the other Funcdesk console on this data folder.</source>
        <translation>正在使用此数据文件夹上另一个 Funcdesk 控制台的本地平台。</translation>
    </message>
    <message>
        <source>The local platform could not start: %1</source>
        <translation>本地平台无法启动：%1</translation>
    </message>
    <message>
        <source>There is no connection named %1. The connections are: %2.</source>
        <translation>没有名为 %1 的连接。现有连接：%2。</translation>
    </message>
</context>
<context>
    <name>CronExpression</name>
    <message>
        <source>second</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>minute</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>day of month</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>day of week</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>%1 is out of range %2-%3.</source>
        <translation>%1 超出范围 %2-%3。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is neither a number nor a name.</source>
        <translation>&apos;%1&apos; 既不是数字也不是名称。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number.</source>
        <translation>&apos;%1&apos; 不是数字。</translation>
    </message>
    <message>
        <source>a list has an empty item.</source>
        <translation>列表中有空项。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has more than one step.</source>
        <translation>&apos;%1&apos; 含有多个步长。</translation>
    </message>
    <message>
        <source>step &apos;%1&apos; must be a whole number of at least 1.</source>
        <translation>步长 &apos;%1&apos; 必须是大于或等于 1 的整数。</translation>
    </message>
    <message>
        <source>range %1 goes backwards.</source>
        <translation>范围 %1 的起点大于终点。</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <extracomment>Joins the items of a list: &quot;Monday, Wednesday and Friday&quot;.</extracomment>
        <translation>%1和%2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1至%2</translation>
    </message>
    <message>
        <source>Invalid cron expression &apos;%1&apos;: %2</source>
        <translation>无效的 cron 表达式 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <source>unknown macro; use @yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly.</source>
        <translation>未知的宏；请使用 @yearly、@annually、@monthly、@weekly、@daily、@midnight 或 @hourly。</translation>
    </message>
    <message>
        <source>expected 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first, found %1.</source>
        <translation>应为 5 个字段（分钟 小时 日期 月份 星期），或以秒开头的 6 个字段，实际为 %1 个。</translation>
    </message>
    <message>
        <source>on day %1 of the month</source>
        <translation>每月 %1 日</translation>
    </message>
    <message>
        <source>on days %1 of the month</source>
        <translation>每月 %1 日</translation>
    </message>
    <message>
        <source>on %1</source>
        <extracomment>%1: one or more weekdays, &quot;Monday and Friday&quot;.</extracomment>
        <translation>每%1</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1或%2</translation>
    </message>
    <message>
        <source>in %1</source>
        <extracomment>%1: one or more months, &quot;January and July&quot;.</extracomment>
        <translation>在%1</translation>
    </message>
    <message>
        <source>every day at %1</source>
        <translation>每天 %1</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>在 %1</translation>
    </message>
    <message>
        <source>every second</source>
        <translation>每秒</translation>
    </message>
    <message>
        <source>every %1 seconds</source>
        <translation>每 %1 秒</translation>
    </message>
    <message>
        <source>at second %1</source>
        <translation>在第 %1 秒</translation>
    </message>
    <message>
        <source>at seconds %1</source>
        <translation>在第 %1 秒</translation>
    </message>
    <message>
        <source>every minute</source>
        <translation>每分钟</translation>
    </message>
    <message>
        <source>every %1 minutes</source>
        <translation>每 %1 分钟</translation>
    </message>
    <message>
        <source>every hour</source>
        <translation>每小时</translation>
    </message>
    <message>
        <source>every %1 hours</source>
        <translation>每 %1 小时</translation>
    </message>
    <message>
        <source>at minute %1</source>
        <translation>在第 %1 分钟</translation>
    </message>
    <message>
        <source>at minutes %1</source>
        <translation>在第 %1 分钟</translation>
    </message>
    <message>
        <source>between %1 and %2</source>
        <translation>在 %1 至 %2 之间</translation>
    </message>
    <message>
        <source>in hours %1</source>
        <translation>在 %1 点</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>clauses of a schedule: the time so far, then days or months</comment>
        <translation>%2，%1</translation>
    </message>
</context>
<context>
    <name>DeployCommand</name>
    <message>
        <source>Try &apos;funcdeskd deploy --help&apos;.</source>
        <translation>请尝试 &apos;funcdeskd deploy --help&apos;。</translation>
    </message>
    <message>
        <source>--url needs a key: --auth-file FILE or the FUNCDESKD_AUTH variable</source>
        <translation>--url 需要密钥：--auth-file FILE 或 FUNCDESKD_AUTH 变量</translation>
    </message>
    <message>
        <source>cannot create the data folder %1</source>
        <translation>无法创建数据文件夹 %1</translation>
    </message>
    <message>
        <source>the namespace &apos;%1&apos; exists but its key file %2 is missing; deploy through the server instead (--url)</source>
        <translation>命名空间“%1”已存在，但其密钥文件 %2 缺失；请改为通过服务器部署（--url）</translation>
    </message>
    <message>
        <source>%1 created, %2 changed, %3 unchanged</source>
        <translation>已创建 %1 个，已更改 %2 个，未更改 %3 个</translation>
    </message>
    <message>
        <source>%1 (dry run: nothing applied)</source>
        <translation>%1（试运行：未应用任何更改）</translation>
    </message>
    <message>
        <source>stopped: %1 of %2 entities applied</source>
        <translation>已停止：已应用 %2 个实体中的 %1 个</translation>
    </message>
    <message>
        <source>Deploy the packages, actions, sequences, triggers and rules of a wskdeploy manifest.yaml in one go, to a local data folder or an OpenWhisk-compatible server; print what was created, changed or left unchanged.</source>
        <translation>一次性部署 wskdeploy manifest.yaml 中的包、动作、序列、触发器和规则，目标可以是本地数据文件夹或兼容 OpenWhisk 的服务器；并输出已创建、已更改或未更改的内容。</translation>
    </message>
    <message>
        <source>The project folder (holding manifest.yaml).</source>
        <translation>项目文件夹（包含 manifest.yaml）。</translation>
    </message>
    <message>
        <source>The manifest file, relative to DIR (default: manifest.yaml, else manifest.yml).</source>
        <translation>清单文件，相对于 DIR（默认：manifest.yaml，否则为 manifest.yml）。</translation>
    </message>
    <message>
        <source>Check the manifest against the platform and print the plan; change nothing.</source>
        <translation>根据平台检查清单并输出计划；不做任何更改。</translation>
    </message>
    <message>
        <source>Deploy to the local platform in this folder (default: %1). Not while a server uses it: deploy through the server (--url) then.</source>
        <translation>部署到此文件夹中的本地平台（默认：%1）。如有服务器正在使用该文件夹则不可如此，此时请通过服务器部署（--url）。</translation>
    </message>
    <message>
        <source>With --data-dir: the namespace (default: guest).</source>
        <translation>与 --data-dir 一起使用：命名空间（默认：guest）。</translation>
    </message>
    <message>
        <source>Deploy to this OpenWhisk-compatible server (e.g. http://127.0.0.1:3233).</source>
        <translation>部署到此兼容 OpenWhisk 的服务器（例如 http://127.0.0.1:3233）。</translation>
    </message>
    <message>
        <source>With --url: a file holding the key, UUID:KEY (or set the FUNCDESKD_AUTH environment variable).</source>
        <translation>与 --url 一起使用：存放密钥 UUID:KEY 的文件（或设置环境变量 FUNCDESKD_AUTH）。</translation>
    </message>
    <message>
        <source>expected exactly one DIR</source>
        <translation>需要恰好一个 DIR</translation>
    </message>
    <message>
        <source>--url excludes --data-dir and --namespace</source>
        <translation>--url 不能与 --data-dir 或 --namespace 同时使用</translation>
    </message>
    <message>
        <source>--auth-file goes with --url</source>
        <translation>--auth-file 必须与 --url 一起使用</translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 不是文件夹</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>--url: &apos;%1&apos; is not a server address</source>
        <translation>--url：“%1”不是服务器地址</translation>
    </message>
    <message>
        <source>no answer from %1</source>
        <translation>%1 无应答</translation>
    </message>
</context>
<context>
    <name>Deployer</name>
    <message>
        <source>The deployment was stopped before it finished.</source>
        <translation>部署在完成前被停止。</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>连接已关闭。</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>action &apos;%1&apos;: the runtime %2 is not offered by this platform (it offers: %3)</source>
        <translation>动作“%1”：此平台不提供运行时 %2（可用的运行时：%3）</translation>
    </message>
    <message>
        <source>action &apos;%1&apos;: %2</source>
        <translation>动作“%1”：%2</translation>
    </message>
</context>
<context>
    <name>FunctionConfigForm</name>
    <message>
        <source>Allowed: %1 to %2 %3.</source>
        <translation>允许范围：%1 到 %2 %3。</translation>
    </message>
    <message>
        <source>This platform sets CPU from memory and has no CPU limit of its own.</source>
        <translation>此平台根据内存分配 CPU，没有单独的 CPU 限制。</translation>
    </message>
    <message>
        <source>%1 vCPU (follows memory)</source>
        <translation>%1 vCPU（随内存）</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Must be 0 or more.</source>
        <translation>必须大于或等于 0。</translation>
    </message>
    <message>
        <source>Allowed: %1 to %2 vCPU.</source>
        <translation>允许范围：%1 到 %2 vCPU。</translation>
    </message>
    <message>
        <source>Every parameter needs a name.</source>
        <translation>每个参数都必须有名称。</translation>
    </message>
    <message>
        <source>The parameter &quot;%1&quot; appears twice.</source>
        <translation>参数“%1”出现了两次。</translation>
    </message>
    <message>
        <source>Allowed: %1 to %2.</source>
        <translation>允许范围：%1 到 %2。</translation>
    </message>
    <message>
        <source>/tmp is held in memory, outside the Memory limit.</source>
        <translation>/tmp 存放在内存中，不计入“内存”限制。</translation>
    </message>
    <message>
        <source>The function&apos;s /tmp is a file system of this size in the machine&apos;s memory, kept while its process stays warm. It does not count toward the function&apos;s Memory limit; a write past its size fails with &quot;no space left on device&quot; and the function goes on.</source>
        <translation>函数的 /tmp 是位于本机内存中、大小为此值的文件系统，在其进程保持热启动期间一直保留。它不计入函数的“内存”限制；超出此大小的写入会以“设备上没有空间”失败，函数继续运行。</translation>
    </message>
    <message>
        <source>Warm now: %1</source>
        <translation>当前热实例：%1</translation>
    </message>
</context>
<context>
    <name>FunctionFiles</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1: the file name is not a valid function name: %2</source>
        <translation>%1：文件名不是有效的函数名：%2</translation>
    </message>
    <message>
        <source>%1: only .js, .py and exported .json files can be imported.</source>
        <translation>%1：只能导入 .js、.py 文件和导出的 .json 文件。</translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2 (at byte %3)</source>
        <translation>%1 不是有效的 JSON：%2（位于第 %3 字节）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: every function needs a name and code.</source>
        <translation>%1：每个函数都必须有名称和代码。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>%1 holds no .js, .py or .json files.</source>
        <translation>%1 中没有 .js、.py 或 .json 文件。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>InvokeCommand</name>
    <message>
        <source>Try &apos;funcdeskd invoke --help&apos;.</source>
        <translation>请运行 &apos;funcdeskd invoke --help&apos; 查看用法。</translation>
    </message>
    <message>
        <source>--%1 expects a number, got &apos;%2&apos;</source>
        <translation>--%1 需要一个数字，但得到的是 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>Run a function once (or N times in one warm process) on the local executor and print each activation record as one line of JSON.</source>
        <translation>在本地执行器上运行一次函数（或在同一个热进程中运行 N 次），并将每条激活记录输出为一行 JSON。</translation>
    </message>
    <message>
        <source>Runtime kind (default: from the file&apos;s extension).</source>
        <translation>运行时类型（默认根据文件扩展名确定）。</translation>
    </message>
    <message>
        <source>Name of the entry function (default: main).</source>
        <translation>入口函数名（默认：main）。</translation>
    </message>
    <message>
        <source>Action name used in the record (default: the file&apos;s base name).</source>
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
        <source>the action name &apos;%1&apos; is not valid: %2</source>
        <translation>动作名称 &apos;%1&apos; 无效：%2</translation>
    </message>
    <message>
        <source>cannot tell the runtime from the file name %1; pass --kind</source>
        <translation>无法从文件名 %1 判断运行时；请使用 --kind 指定</translation>
    </message>
    <message>
        <source>--repeat expects a positive number</source>
        <translation>--repeat 需要一个正整数</translation>
    </message>
    <message>
        <source>Size of the function&apos;s private /tmp in MB.</source>
        <translation>函数私有 /tmp 的大小（MB）。</translation>
    </message>
    <message>
        <source>Network access: on, or off (an empty network namespace).</source>
        <translation>网络访问：on（开），或 off（关，空的网络命名空间）。</translation>
    </message>
    <message>
        <source>Keep N initialised processes warm for the run; the first invocation waits for them.</source>
        <translation>在本次运行期间保持 N 个已初始化的热进程；第一次调用会等待它们就绪。</translation>
    </message>
    <message>
        <source>The function&apos;s source file (.js, .py, .php, .rb, .go, or a .zip of a native action).</source>
        <translation>函数的源文件（.js、.py、.php、.rb、.go，或原生动作的 .zip）。</translation>
    </message>
</context>
<context>
    <name>ManifestReader</name>
    <message>
        <source>the manifest is empty: it needs &apos;packages&apos;</source>
        <translation>清单为空：需要“packages”</translation>
    </message>
    <message>
        <source>the manifest must be a mapping with &apos;packages&apos; (or &apos;project&apos;)</source>
        <translation>清单必须是包含“packages”（或“project”）的映射</translation>
    </message>
    <message>
        <source>the manifest</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>the manifest deploys nothing: no package holds an entity</source>
        <translation>清单没有部署任何内容：没有任何包包含实体</translation>
    </message>
    <message>
        <source>more than %1 entities in one manifest</source>
        <translation>一个清单中的实体超过 %1 个</translation>
    </message>
    <message>
        <source>the package</source>
        <translation>包</translation>
    </message>
    <message>
        <source>package &apos;%1&apos;</source>
        <translation>包“%1”</translation>
    </message>
    <message>
        <source>the package &apos;%1&apos; is declared twice (first at %2)</source>
        <translation>包“%1”被声明了两次（首次在 %2）</translation>
    </message>
    <message>
        <source>the default package is no package: its &apos;%1&apos; is ignored</source>
        <translation>默认包并不是真正的包：其“%1”已被忽略</translation>
    </message>
    <message>
        <source>the binding</source>
        <translation>绑定</translation>
    </message>
    <message>
        <source>binding &apos;%1&apos;</source>
        <translation>绑定“%1”</translation>
    </message>
    <message>
        <source>%1 needs a location, the package it binds (/namespace/package)</source>
        <translation>%1 需要 location，即其绑定的包（/namespace/package）</translation>
    </message>
    <message>
        <source>%1: funcdeskd deploy binds packages only, named /namespace/package; &apos;%2&apos; is not one</source>
        <translation>%1：funcdeskd deploy 只能绑定以 /namespace/package 命名的包；“%2”不是这样的包</translation>
    </message>
    <message>
        <source>the action</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>action &apos;%1&apos;</source>
        <translation>动作“%1”</translation>
    </message>
    <message>
        <source>the action &apos;%1&apos; is declared twice (first at %2)</source>
        <translation>动作“%1”被声明了两次（首次在 %2）</translation>
    </message>
    <message>
        <source>action &apos;%1&apos; has both a function and code: give one</source>
        <translation>动作“%1”同时给出了 function 和 code：请只给出其一</translation>
    </message>
    <message>
        <source>action &apos;%1&apos; gives its code inline: it needs a runtime</source>
        <translation>动作“%1”以内联方式给出代码：需要指定 runtime</translation>
    </message>
    <message>
        <source>action &apos;%1&apos; needs a function: the file of its code, relative to the manifest</source>
        <translation>动作“%1”需要 function：其代码文件的路径，相对于清单</translation>
    </message>
    <message>
        <source>the function %1 is a URL: funcdeskd deploy reads local files only</source>
        <translation>函数文件 %1 是一个 URL：funcdeskd deploy 只读取本地文件</translation>
    </message>
    <message>
        <source>the function file %1 does not exist</source>
        <translation>函数文件 %1 不存在</translation>
    </message>
    <message>
        <source>the function %1 is a folder: funcdeskd deploy takes a file (a .zip for several)</source>
        <translation>函数文件 %1 是一个文件夹：funcdeskd deploy 只接受文件（多个文件请打包为 .zip）</translation>
    </message>
    <message>
        <source>the function %1 is not a regular file</source>
        <translation>函数文件 %1 不是常规文件</translation>
    </message>
    <message>
        <source>the function file %1 has %2 bytes, more than the %3 an action may have</source>
        <translation>函数文件 %1 有 %2 字节，超过了动作允许的 %3</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>cannot tell the runtime of %1 from its extension: set &apos;runtime&apos; (e.g. nodejs:20)</source>
        <translation>无法根据扩展名判断 %1 的运行时：请设置“runtime”（例如 nodejs:20）</translation>
    </message>
    <message>
        <source>the runtime %1 does not match the file %2; %1 is used</source>
        <translation>运行时 %1 与文件 %2 不匹配；将使用 %1</translation>
    </message>
    <message>
        <source>%1 has both web and web-export; web is used</source>
        <translation>%1 同时给出了 web 和 web-export；将使用 web</translation>
    </message>
    <message>
        <source>web must be true, false, yes, no or raw</source>
        <translation>web 必须为 true、false、yes、no 或 raw</translation>
    </message>
    <message>
        <source>an empty action name</source>
        <translation>空的动作名称</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a fully qualified name (/namespace/[package/]action)</source>
        <translation>“%1”不是完全限定名称（/namespace/[package/]action）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an action name ([package/]action)</source>
        <translation>“%1”不是动作名称（[package/]action）</translation>
    </message>
    <message>
        <source>the sequence</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>sequence &apos;%1&apos;</source>
        <translation>序列“%1”</translation>
    </message>
    <message>
        <source>%1 needs actions: a, b, c</source>
        <translation>%1 需要 actions：a, b, c</translation>
    </message>
    <message>
        <source>a component</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>%1 has %2 components; a sequence has at most %3</source>
        <translation>%1 有 %2 个组件；一个序列最多只能有 %3 个</translation>
    </message>
    <message>
        <source>the trigger</source>
        <translation>触发器</translation>
    </message>
    <message>
        <source>trigger &apos;%1&apos;</source>
        <translation>触发器“%1”</translation>
    </message>
    <message>
        <source>the trigger &apos;%1&apos; is declared twice (first at %2)</source>
        <translation>触发器“%1”被声明了两次（首次在 %2）</translation>
    </message>
    <message>
        <source>the feed &apos;%1&apos; must be named in full: /namespace/package/feed, e.g. /whisk.system/alarms/alarm</source>
        <translation>feed“%1”必须写全名：/namespace/package/feed，例如 /whisk.system/alarms/alarm</translation>
    </message>
    <message>
        <source>the rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>rule &apos;%1&apos;</source>
        <translation>规则“%1”</translation>
    </message>
    <message>
        <source>the rule &apos;%1&apos; is declared twice (first at %2)</source>
        <translation>规则“%1”被声明了两次（首次在 %2）</translation>
    </message>
    <message>
        <source>%1 needs a trigger</source>
        <translation>%1 需要指定 trigger</translation>
    </message>
    <message>
        <source>%1 needs an action</source>
        <translation>%1 需要指定 action</translation>
    </message>
    <message>
        <source>%1: only &apos;rule: true&apos; is supported; it fires always</source>
        <translation>%1：仅支持“rule: true”，即总是触发</translation>
    </message>
    <message>
        <source>sequence &apos;%1&apos; refers to &apos;%2&apos;, which this manifest does not declare (name an action deployed otherwise in full: /namespace/package/action)</source>
        <translation>序列“%1”引用了“%2”，但本清单并未声明它（对于以其他方式部署的动作，请写全名：/namespace/package/action）</translation>
    </message>
    <message>
        <source>rule &apos;%1&apos; refers to the trigger &apos;%2&apos;, which this manifest does not declare</source>
        <translation>规则“%1”引用了触发器“%2”，但本清单并未声明它</translation>
    </message>
    <message>
        <source>rule &apos;%1&apos; refers to the action &apos;%2&apos;, which this manifest does not declare</source>
        <translation>规则“%1”引用了动作“%2”，但本清单并未声明它</translation>
    </message>
    <message>
        <source>sequence &apos;%1&apos; contains itself, through its components</source>
        <translation>序列“%1”通过其组件包含了自身</translation>
    </message>
    <message>
        <source>the manifest has %1 bytes, more than %2</source>
        <translation>清单有 %1 字节，超过了 %2</translation>
    </message>
    <message>
        <source>not valid YAML: %1</source>
        <translation>不是有效的 YAML：%1</translation>
    </message>
    <message>
        <source>cannot read the manifest %1: %2</source>
        <translation>无法读取清单 %1：%2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is given twice in %2</source>
        <translation>“%1”在 %2 中出现了两次</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not supported by funcdeskd deploy</source>
        <translation>%1：funcdeskd deploy 不支持“%2”</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; has no effect here and is ignored</source>
        <translation>%1：“%2”在此处无效，已忽略</translation>
    </message>
    <message>
        <source>%1: unknown key &apos;%2&apos; is ignored (known: %3)</source>
        <translation>%1：已忽略未知键“%2”（已知键：%3）</translation>
    </message>
    <message>
        <source>%1 must be a mapping of names to entries</source>
        <translation>%1 必须是从名称到条目的映射</translation>
    </message>
    <message>
        <source>a key must be a plain name, not a mapping or a list</source>
        <translation>键必须是普通名称，不能是映射或列表</translation>
    </message>
    <message>
        <source>%1 name &apos;%2&apos; is not valid: %3</source>
        <translation>%1 名称“%2”无效：%3</translation>
    </message>
    <message>
        <source>%1 needs a value</source>
        <translation>%1 需要一个值</translation>
    </message>
    <message>
        <source>%1 must be a single value, not a mapping or a list</source>
        <translation>%1 必须是单个值，不能是映射或列表</translation>
    </message>
    <message>
        <source>%1 must be true or false</source>
        <translation>%1 必须为 true 或 false</translation>
    </message>
    <message>
        <source>a value nests deeper than %1 levels</source>
        <translation>某个值的嵌套深度超过 %1 层</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is given twice</source>
        <translation>“%1”出现了两次</translation>
    </message>
    <message>
        <source>&apos;${&apos; without a closing &apos;}&apos; in &apos;%1&apos;</source>
        <translation>“%1”中的“${”缺少闭合的“}”</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an environment variable&apos;s name</source>
        <translation>“%1”不是环境变量名称</translation>
    </message>
    <message>
        <source>the environment variable %1 is not set</source>
        <translation>环境变量 %1 未设置</translation>
    </message>
    <message>
        <source>the input &apos;%1&apos; is given twice</source>
        <translation>输入参数“%1”出现了两次</translation>
    </message>
    <message>
        <source>the input &apos;%1&apos; has the unknown type &apos;%2&apos; (known: %3)</source>
        <translation>输入参数“%1”的类型“%2”未知（已知类型：%3）</translation>
    </message>
    <message>
        <source>the input &apos;%1&apos; is declared %2 but its value is not</source>
        <translation>输入参数“%1”声明为 %2，但其值不是</translation>
    </message>
    <message>
        <source>the annotation &apos;%1&apos; is given twice</source>
        <translation>注解“%1”出现了两次</translation>
    </message>
    <message>
        <source>limits: %1 must be a number of milliseconds (or with ms, s, min)</source>
        <translation>limits：%1 必须是毫秒数（或带 ms、s、min 单位）</translation>
    </message>
    <message>
        <source>limits: %1 must be a number of megabytes (or with MB, GB)</source>
        <translation>limits：%1 必须是兆字节数（或带 MB、GB 单位）</translation>
    </message>
    <message>
        <source>the limit &apos;%1&apos; is given twice</source>
        <translation>限制“%1”出现了两次</translation>
    </message>
    <message>
        <source>limits: &apos;%1&apos; cannot be set per action and is ignored</source>
        <translation>limits：“%1”不能按动作设置，已忽略</translation>
    </message>
    <message>
        <source>limits: unknown limit &apos;%1&apos; is ignored (known: timeout, memorySize, logSize, concurrentActivations)</source>
        <translation>limits：已忽略未知限制“%1”（已知：timeout、memorySize、logSize、concurrentActivations）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a runtime name (e.g. nodejs, nodejs:20, python@3.11)</source>
        <translation>“%1”不是运行时名称（例如 nodejs、nodejs:20、python@3.11）</translation>
    </message>
</context>
<context>
    <name>PayloadStore</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is too large for a payload file</source>
        <translation>%1 过大，不能作为负载文件</translation>
    </message>
    <message>
        <source>Cannot create the folder for %1</source>
        <translation>无法为 %1 创建文件夹</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a payload file: %2</source>
        <translation>%1 不是负载文件：%2</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>不是对象</translation>
    </message>
    <message>
        <source>invalid JSON at byte %1 (%2)</source>
        <translation>第 %1 字节处的 JSON 无效（%2）</translation>
    </message>
    <message>
        <source>expected an array of {&quot;name&quot;: ..., &quot;payload&quot;: {...}}</source>
        <translation>应为由 {&quot;name&quot;: ..., &quot;payload&quot;: {...}} 组成的数组</translation>
    </message>
    <message>
        <source>entry %1</source>
        <translation>第 %1 项</translation>
    </message>
    <message>
        <source>%1 is not an object</source>
        <translation>%1 不是对象</translation>
    </message>
    <message>
        <source>%1 has no &quot;name&quot;</source>
        <translation>%1 缺少 &quot;name&quot;</translation>
    </message>
    <message>
        <source>%1 (&quot;%2&quot;) has no &quot;payload&quot; object</source>
        <translation>%1（&quot;%2&quot;）缺少 &quot;payload&quot; 对象</translation>
    </message>
</context>
<context>
    <name>PayloadValidator</name>
    <message>
        <source>expected a JSON object</source>
        <translation>应为 JSON 对象</translation>
    </message>
    <message>
        <source>unexpected text after the end of the payload</source>
        <translation>负载结束后还有多余的文本</translation>
    </message>
    <message>
        <source>unexpected end of text: a value is missing</source>
        <translation>文本意外结束：缺少值</translation>
    </message>
    <message>
        <source>nested too deeply</source>
        <translation>嵌套层级过深</translation>
    </message>
    <message>
        <source>strings must be in double quotes</source>
        <translation>字符串必须使用双引号</translation>
    </message>
    <message>
        <source>a value is missing</source>
        <translation>缺少值</translation>
    </message>
    <message>
        <source>unexpected &quot;%1&quot;: expected a value</source>
        <translation>意外的 &quot;%1&quot;：此处应为值</translation>
    </message>
    <message>
        <source>unexpected end of text: a closing } is missing</source>
        <translation>文本意外结束：缺少右花括号 }</translation>
    </message>
    <message>
        <source>trailing comma before }</source>
        <translation>} 前有多余的逗号</translation>
    </message>
    <message>
        <source>property names must be in double quotes</source>
        <translation>属性名必须使用双引号</translation>
    </message>
    <message>
        <source>expected a property name in double quotes</source>
        <translation>此处应为带双引号的属性名</translation>
    </message>
    <message>
        <source>unexpected end of text: a colon is missing</source>
        <translation>文本意外结束：缺少冒号</translation>
    </message>
    <message>
        <source>missing colon after the property name</source>
        <translation>属性名后缺少冒号</translation>
    </message>
    <message>
        <source>] where } was expected</source>
        <translation>此处应为 }，却出现了 ]</translation>
    </message>
    <message>
        <source>missing comma</source>
        <translation>缺少逗号</translation>
    </message>
    <message>
        <source>trailing comma before ]</source>
        <translation>] 前有多余的逗号</translation>
    </message>
    <message>
        <source>unexpected end of text: a closing ] is missing</source>
        <translation>文本意外结束：缺少右方括号 ]</translation>
    </message>
    <message>
        <source>} where ] was expected</source>
        <translation>此处应为 ]，却出现了 }</translation>
    </message>
    <message>
        <source>unterminated string (a closing &quot; is missing)</source>
        <translation>字符串未结束（缺少右双引号 &quot;）</translation>
    </message>
    <message>
        <source>control character in a string: write it as an escape like \t</source>
        <translation>字符串中含有控制字符：请改写为转义形式，例如 \t</translation>
    </message>
    <message>
        <source>\u must be followed by four hex digits</source>
        <translation>\u 后面必须跟四位十六进制数字</translation>
    </message>
    <message>
        <source>invalid escape \%1</source>
        <translation>无效的转义序列 \%1</translation>
    </message>
    <message>
        <source>numbers cannot start with 0</source>
        <translation>数字不能以 0 开头</translation>
    </message>
    <message>
        <source>invalid number</source>
        <translation>无效的数字</translation>
    </message>
    <message>
        <source>invalid number: digits must follow the decimal point</source>
        <translation>无效的数字：小数点后必须有数字</translation>
    </message>
    <message>
        <source>invalid number: the exponent has no digits</source>
        <translation>无效的数字：指数部分没有数字</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>第 %1 行，第 %2 列：%3</translation>
    </message>
    <message>
        <source>The payload must be a JSON object, like {&quot;name&quot;: &quot;World&quot;}: an action gets its parameters as one.</source>
        <translation>负载必须是 JSON 对象，例如 {&quot;name&quot;: &quot;World&quot;}：动作以一个对象的形式接收参数。</translation>
    </message>
</context>
<context>
    <name>PriceList</name>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
</context>
<context>
    <name>PriceListSettings</name>
    <message>
        <source>The monthly budget must be zero (no budget) or a positive amount.</source>
        <translation>每月预算必须为零（不设预算）或正数。</translation>
    </message>
    <message>
        <source>The price per request</source>
        <translation>每次请求的价格</translation>
    </message>
    <message>
        <source>The price per GB-second</source>
        <translation>每 GB-s 的价格</translation>
    </message>
    <message>
        <source>The price per vCPU-second</source>
        <translation>每 vCPU 秒的价格</translation>
    </message>
    <message>
        <source>The price per disk GB-second</source>
        <translation>每磁盘 GB-s 的价格</translation>
    </message>
    <message>
        <source>The free disk</source>
        <translation>免费磁盘额度</translation>
    </message>
    <message>
        <source>The free requests</source>
        <translation>免费请求额度</translation>
    </message>
    <message>
        <source>The free GB-seconds</source>
        <translation>免费 GB-s 额度</translation>
    </message>
    <message>
        <source>The free vCPU-seconds</source>
        <translation>免费 vCPU 秒额度</translation>
    </message>
    <message>
        <source>%1 must be zero or more.</source>
        <translation>%1 不能小于零。</translation>
    </message>
    <message>
        <source>The billing granularity must be between 1 ms and %1 ms.</source>
        <translation>计费粒度必须介于 1 ms 和 %1 ms 之间。</translation>
    </message>
    <message>
        <source>The minimum billed duration must be between 0 ms and %1 ms.</source>
        <translation>最低计费时长必须介于 0 ms 和 %1 ms 之间。</translation>
    </message>
    <message>
        <source>The currency must not be empty.</source>
        <translation>货币不能为空。</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Funcdesk cannot start</source>
        <translation>Funcdesk 无法启动</translation>
    </message>
    <message>
        <source>The local platform in %1 could not start:
%2</source>
        <translation>位于 %1 的本地平台无法启动：
%2</translation>
    </message>
</context>
<context>
    <name>RunReport</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>application error</source>
        <translation>应用错误</translation>
    </message>
    <message>
        <source>action developer error</source>
        <translation>动作开发者错误</translation>
    </message>
    <message>
        <source>whisk internal error</source>
        <translation>whisk 内部错误</translation>
    </message>
    <message>
        <source>not reported by the platform</source>
        <translation>平台未报告</translation>
    </message>
    <message>
        <source>This platform does not record how it enforced the limits.</source>
        <translation>此平台不记录它是如何执行限制的。</translation>
    </message>
    <message>
        <source>memory: %1, CPU: %2, processes: %3, timeout: %4</source>
        <translation>内存：%1，CPU：%2，进程：%3，超时：%4</translation>
    </message>
    <message>
        <source>Limits enforced by the kernel (cgroups), as strictly as on a platform.</source>
        <translation>限制由内核（cgroups）执行，与平台上同样严格。</translation>
    </message>
    <message>
        <source>No cgroups here: memory is watched by sampling and CPU by pausing the process, so limits are close to the platform&apos;s but not exact.</source>
        <translation>此处没有 cgroups：内存通过采样监控，CPU 通过暂停进程来限制，因此限制效果接近平台，但并不完全一致。</translation>
    </message>
    <message>
        <source>no response recorded</source>
        <translation>未记录响应</translation>
    </message>
    <message>
        <source>Cold start (pre-warmed process), init %1</source>
        <translation>冷启动（预热进程），初始化 %1</translation>
    </message>
    <message>
        <source>Cold start (pre-warmed process)</source>
        <translation>冷启动（预热进程）</translation>
    </message>
    <message>
        <source>Cold start, init %1</source>
        <translation>冷启动，初始化 %1</translation>
    </message>
    <message>
        <source>Cold start</source>
        <translation>冷启动</translation>
    </message>
    <message>
        <source>Warm</source>
        <translation>热启动</translation>
    </message>
    <message>
        <source>%1 pricing: %2 ms billed at %3 MB</source>
        <translation>%1 计价：按 %3 MB 计费 %2 ms</translation>
    </message>
    <message>
        <source>Could not run</source>
        <translation>无法运行</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Still running</source>
        <translation>仍在运行</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>本地</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>SequenceSteps</name>
    <message>
        <source>could not be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>total %1 ms, the sum of the steps</source>
        <translation>共 %1 毫秒，即各步骤之和</translation>
    </message>
    <message>
        <source>%1 of %2 steps ran; step %3 failed and stopped the chain; %4</source>
        <translation>%2 个步骤中运行了 %1 个；第 %3 步失败，链条就此停止；%4</translation>
    </message>
    <message>
        <source>%1 of %2 steps ran; %3</source>
        <translation>%2 个步骤中运行了 %1 个；%3</translation>
    </message>
</context>
<context>
    <name>ServeCommand</name>
    <message>
        <source>Try &apos;funcdeskd serve --help&apos;.</source>
        <translation>请尝试 &apos;funcdeskd serve --help&apos;。</translation>
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
        <source>Folder of the platform&apos;s database and auth file (default: %1).</source>
        <translation>平台数据库和认证文件所在的文件夹（默认：%1）。</translation>
    </message>
    <message>
        <source>Set the key of the &apos;guest&apos; namespace.</source>
        <translation>设置 &apos;guest&apos; 命名空间的密钥。</translation>
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
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>意外的参数 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--host expects an IP address, got &apos;%1&apos;</source>
        <translation>--host 需要 IP 地址，但得到的是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--port expects a number from 0 to 65535, got &apos;%1&apos;</source>
        <translation>--port 需要 0 到 65535 之间的数字，但得到的是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>cannot create the data folder %1</source>
        <translation>无法创建数据文件夹 %1</translation>
    </message>
    <message>
        <source>funcdeskd: the key of namespace &apos;%1&apos; is in %2 (readable by you only)</source>
        <translation>funcdeskd：命名空间 &apos;%1&apos; 的密钥保存在 %2（仅您本人可读）</translation>
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
    <message>
        <source>Also serve namespace NAME: created with a fresh random key unless it exists; its key is written to DATA_DIR/auth.d/NAME. Repeatable.</source>
        <translation>同时提供命名空间 NAME：若不存在则以新的随机密钥创建；其密钥写入 DATA_DIR/auth.d/NAME。可重复使用。</translation>
    </message>
    <message>
        <source>--namespace %1: %2</source>
        <translation>--namespace %1：%2</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>Serve GET /metrics: the activations&apos; metrics in Prometheus text format, under OpenWhisk&apos;s user-events names. A namespace&apos;s key (Basic auth) reads that namespace&apos;s series.</source>
        <translation>提供 GET /metrics：以 Prometheus 文本格式输出激活记录的指标，指标名称沿用 OpenWhisk 的 user-events 命名。使用某个命名空间的密钥（Basic 认证）可读取该命名空间的序列。</translation>
    </message>
    <message>
        <source>With --metrics: serve /metrics without authentication, with every namespace&apos;s series. Anyone who reaches the port then sees namespace and action names.</source>
        <translation>与 --metrics 一起使用：无需认证即可访问 /metrics，并包含所有命名空间的序列。届时任何能访问该端口的人都能看到命名空间和动作名称。</translation>
    </message>
    <message>
        <source>--metrics-public needs --metrics</source>
        <translation>--metrics-public 需要同时指定 --metrics</translation>
    </message>
    <message>
        <source>refusing to serve %1 namespaces (%2) without a sandbox: functions of one could read the keys of the others. The sandbox is unavailable: %3. Pass --allow-unsandboxed to serve them anyway.</source>
        <translation>拒绝在没有沙箱的情况下服务 %1 个命名空间（%2）：一个命名空间的函数可以读取其他命名空间的密钥。沙箱不可用：%3。如仍要服务它们，请加上 --allow-unsandboxed。</translation>
    </message>
    <message>
        <source>funcdeskd: functions run without a sandbox (%1): they are not isolated from the platform or from each other</source>
        <translation>funcdeskd：函数在没有沙箱的情况下运行（%1）：它们与平台之间、彼此之间都没有隔离</translation>
    </message>
    <message>
        <source>Serve more than one namespace even where functions cannot be sandboxed (no bubblewrap): a function of one namespace can then read the keys and data of every other.</source>
        <translation>即使函数无法放入沙箱（没有 bubblewrap）也服务多个命名空间：这样一个命名空间的函数可以读取其他所有命名空间的密钥和数据。</translation>
    </message>
    <message>
        <source>funcdeskd serve: warning: --auth shows the key to every local user in the process list; use --auth-file FILE or the FUNCDESKD_AUTH environment variable instead</source>
        <translation>funcdeskd serve：警告：--auth 会让本机每个用户都能在进程列表中看到密钥；请改用 --auth-file FILE 或 FUNCDESKD_AUTH 环境变量</translation>
    </message>
    <message>
        <source>--%1 expects a number from 1 to %2, got &apos;%3&apos;</source>
        <translation>--%1 需要 1 到 %2 之间的数字，但得到的是 &apos;%3&apos;</translation>
    </message>
    <message>
        <source>Set the key of the &apos;guest&apos; namespace from a file holding UUID:KEY (or set the FUNCDESKD_AUTH environment variable to UUID:KEY).</source>
        <translation>从内容为 UUID:KEY 的文件设置 &apos;guest&apos; 命名空间的密钥（也可将 FUNCDESKD_AUTH 环境变量设为 UUID:KEY）。</translation>
    </message>
    <message>
        <source>Connections open at once (default: 10000, lowered to fit the open-files limit); more get 503 and are closed.</source>
        <translation>同时打开的连接数上限（默认：10000，会按打开文件数限制调低）；超出的连接收到 503 并被关闭。</translation>
    </message>
    <message>
        <source>Connections open at once from one client address (default: 256); more get 503 and are closed.</source>
        <translation>同一客户端地址同时打开的连接数上限（默认：256）；超出的连接收到 503 并被关闭。</translation>
    </message>
    <message>
        <source>Seconds a request&apos;s headers may take to arrive (default: 10); later, 408 and close.</source>
        <translation>请求头到达的最长秒数（默认：10）；超时则返回 408 并关闭连接。</translation>
    </message>
    <message>
        <source>Seconds a keep-alive connection may wait for its next request (default: 60).</source>
        <translation>保持连接等待下一个请求的最长秒数（默认：60）。</translation>
    </message>
    <message>
        <source>funcdeskd: warning: serving plain HTTP on %1, not a loopback address: namespace keys and all traffic cross the network unencrypted</source>
        <translation>funcdeskd：警告：正在非回环地址 %1 上提供明文 HTTP 服务：命名空间密钥和所有流量都以未加密形式在网络上传输</translation>
    </message>
    <message>
        <source>Serve HTTPS with this PEM certificate (chain); needs --tls-key. TLS 1.2 or newer, forward-secret AEAD ciphers only.</source>
        <translation>使用此 PEM 证书（链）提供 HTTPS 服务；需要 --tls-key。仅支持 TLS 1.2 或更高版本，且仅使用具备前向保密的 AEAD 加密套件。</translation>
    </message>
    <message>
        <source>The PEM private key of --tls-cert (keep it readable by you only).</source>
        <translation>--tls-cert 的 PEM 私钥（请确保仅您本人可读）。</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together</source>
        <translation>--tls-cert 与 --tls-key 必须同时使用</translation>
    </message>
</context>
<context>
    <name>TuningSetting</name>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 MB, %2 vCPU</source>
        <translation>%1 MB，%2 vCPU</translation>
    </message>
</context>
<context>
    <name>funcdesk</name>
    <message>
        <source>Timer</source>
        <translation>定时器</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>HTTP route</source>
        <translation>HTTP 路由</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>on put or delete of %1 in bucket %2</source>
        <translation>存储桶 %2 中的 %1 被存入或删除时</translation>
    </message>
    <message>
        <source>on delete of %1 in bucket %2</source>
        <translation>存储桶 %2 中的 %1 被删除时</translation>
    </message>
    <message>
        <source>on put of %1 in bucket %2</source>
        <translation>存储桶 %2 中的 %1 被存入时</translation>
    </message>
    <message>
        <source>Open the connection NAME (its name as Connection ▸ Manage connections shows it).</source>
        <translation>打开名为 NAME 的连接（名称以“连接 ▸ 管理连接”中显示的为准）。</translation>
    </message>
    <message>
        <source>Keep the local platform, drafts and metrics in DIR (default: %1).</source>
        <translation>将本地平台、草稿和指标保存在 DIR 中（默认：%1）。</translation>
    </message>
    <message>
        <source>Show the console in LANGUAGE (en, zh_CN) instead of the chosen or the system&apos;s one.</source>
        <translation>以 LANGUAGE（en、zh_CN）显示控制台，而不使用已选择的语言或系统语言。</translation>
    </message>
    <message>
        <source>Funcdesk: a desktop console for serverless functions.</source>
        <translation>Funcdesk：无服务器函数的桌面控制台。</translation>
    </message>
</context>
<context>
    <name>funcdesk::ActivationIsolation</name>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1（%2 字节）</translation>
    </message>
    <message>
        <source>/tmp %1</source>
        <translation>/tmp %1</translation>
    </message>
    <message>
        <source>&lt; 0.1 MB</source>
        <translation>&lt; 0.1 MB</translation>
    </message>
    <message>
        <source>not isolated</source>
        <translation>未隔离</translation>
    </message>
    <message>
        <source>isolated (%1)</source>
        <translation>已隔离（%1）</translation>
    </message>
    <message>
        <source>The function ran without a sandbox: it could read and write whatever the platform&apos;s user can, and its /tmp was the machine&apos;s.</source>
        <translation>函数在没有沙箱的情况下运行：平台用户能读写的一切它都能读写，它的 /tmp 就是本机的 /tmp。</translation>
    </message>
    <message>
        <source>The function saw only its own files and its own /tmp, in its own process namespace.</source>
        <translation>函数只能看到自己的文件和自己的 /tmp，运行在自己的进程命名空间中。</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>on (not isolated, although set to off)</source>
        <translation>开（未隔离，尽管设置为关）</translation>
    </message>
    <message>
        <source>on (not isolated)</source>
        <translation>开（未隔离）</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>funcdesk::ActivationListModel</name>
    <message>
        <source>There is no connection.</source>
        <translation>没有连接。</translation>
    </message>
    <message>
        <source>Peak memory of the memory limit, when the platform measures it.</source>
        <translation>峰值内存 / 内存限制（仅当平台测量时显示）。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
</context>
<context>
    <name>funcdesk::ActivationText</name>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>application error</source>
        <translation>应用错误</translation>
    </message>
    <message>
        <source>developer error</source>
        <translation>开发者错误</translation>
    </message>
    <message>
        <source>internal error</source>
        <translation>内部错误</translation>
    </message>
    <message>
        <source>warm</source>
        <translation>热启动</translation>
    </message>
    <message>
        <source>cold (init %1)</source>
        <translation>冷启动（初始化 %1）</translation>
    </message>
    <message>
        <source>cold</source>
        <translation>冷启动</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 peak</source>
        <translation>峰值 %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>timed out after %1</source>
        <translation>%1 后超时</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>out of memory at %1</source>
        <translation>内存不足（上限 %1）</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>funcdesk::ActivationsPanel</name>
    <message>
        <source>All functions</source>
        <translation>所有函数</translation>
    </message>
    <message>
        <source>&amp;Errors only</source>
        <translation>仅错误(&amp;E)</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>All kept</source>
        <translation>全部已保留的记录</translation>
    </message>
    <message>
        <source>&amp;Live</source>
        <translation>实时(&amp;L)</translation>
    </message>
    <message>
        <source>Function:</source>
        <translation>函数：</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>注解</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>注解</translation>
    </message>
    <message>
        <source>Loading activations…</source>
        <translation>正在加载激活记录…</translation>
    </message>
    <message numerus="yes">
        <source>%n activation(s).</source>
        <translation>
            <numerusform>%n 条激活记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an activation to see its result, logs and annotations.</source>
        <translation>选择一条激活记录以查看其结果、日志和注解。</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <source>Could not load %1: %2</source>
        <translation>无法加载 %1：%2</translation>
    </message>
    <message>
        <source>Caused by trigger activation %1</source>
        <translation>由触发器激活记录 %1 引发</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>从 %1 到 %2</translation>
    </message>
</context>
<context>
    <name>funcdesk::BarsChart</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>funcdesk::BindPackageDialog</name>
    <message>
        <source>Bind shared package</source>
        <translation>绑定共享包</translation>
    </message>
    <message>
        <source>&amp;Bind</source>
        <translation>绑定(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Namespace:</source>
        <translation>命名空间(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Package:</source>
        <translation>包(&amp;P)：</translation>
    </message>
    <message>
        <source>Binding &amp;name:</source>
        <translation>绑定名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Parameters (override the package&apos;s)</source>
        <translation>参数（覆盖包的参数）</translation>
    </message>
    <message>
        <source>Listing the packages %1 shares…</source>
        <translation>正在列出 %1 共享的包…</translation>
    </message>
    <message>
        <source>Could not list the packages of %1: %2</source>
        <translation>无法列出 %1 的包：%2</translation>
    </message>
    <message>
        <source>%1 shares no packages.</source>
        <translation>%1 没有共享任何包。</translation>
    </message>
    <message>
        <source>Choose a package to bind.</source>
        <translation>请选择要绑定的包。</translation>
    </message>
    <message>
        <source>Give the binding a name.</source>
        <translation>请为绑定指定名称。</translation>
    </message>
    <message>
        <source>This namespace has a package named %1 already.</source>
        <translation>此命名空间中已有名为 %1 的包。</translation>
    </message>
    <message>
        <source>Binding %1…</source>
        <translation>正在绑定 %1…</translation>
    </message>
</context>
<context>
    <name>funcdesk::BucketBrowser</name>
    <message>
        <source>New bucket…</source>
        <translation>新建存储桶…</translation>
    </message>
    <message>
        <source>Delete bucket</source>
        <translation>删除存储桶</translation>
    </message>
    <message>
        <source>Bucket:</source>
        <translation>存储桶：</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上一级</translation>
    </message>
    <message>
        <source>The folder above</source>
        <translation>上一级文件夹</translation>
    </message>
    <message>
        <source>Upload…</source>
        <translation>上传…</translation>
    </message>
    <message>
        <source>Upload files into this folder (or drop them here)</source>
        <translation>将文件上传到此文件夹（或将文件拖放到此处）</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>下载…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Showing the first %L1 entries of this folder.</source>
        <translation>仅显示此文件夹的前 %L1 项。</translation>
    </message>
    <message>
        <source>Upload files</source>
        <translation>上传文件</translation>
    </message>
    <message>
        <source>Download %1</source>
        <translation>下载 %1</translation>
    </message>
    <message>
        <source>Delete object</source>
        <translation>删除对象</translation>
    </message>
    <message>
        <source>Delete %1 from bucket %2? This cannot be undone.</source>
        <translation>要从存储桶 %2 中删除 %1 吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>New bucket</source>
        <translation>新建存储桶</translation>
    </message>
    <message>
        <source>Name of the new bucket:</source>
        <translation>新存储桶的名称：</translation>
    </message>
    <message>
        <source>Delete bucket %1? Only an empty bucket can be deleted.</source>
        <translation>要删除存储桶 %1 吗？只能删除空的存储桶。</translation>
    </message>
</context>
<context>
    <name>funcdesk::BudgetBar</name>
    <message>
        <source>%1: %2 to date, %3 projected at month end</source>
        <translation>%1：截至目前 %2，预计月底 %3</translation>
    </message>
    <message>
        <source>Over the budget of %1.</source>
        <translation>超出预算 %1。</translation>
    </message>
    <message>
        <source>Within the budget of %1.</source>
        <translation>未超出预算 %1。</translation>
    </message>
    <message>
        <source>No monthly budget set.</source>
        <translation>未设置每月预算。</translation>
    </message>
</context>
<context>
    <name>funcdesk::CertificateTrustFields</name>
    <message>
        <source>Optional: the CA&apos;s PEM file</source>
        <translation>可选：CA 的 PEM 文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose the CA certificate file to trust for this connection</source>
        <translation>选择此连接要信任的 CA 证书文件</translation>
    </message>
    <message>
        <source>Optional: its SHA-256 fingerprint</source>
        <translation>可选：其 SHA-256 指纹</translation>
    </message>
    <message>
        <source>Choose the server&apos;s certificate file: only that certificate is then accepted</source>
        <translation>选择服务器的证书文件：之后仅接受该证书</translation>
    </message>
    <message>
        <source>Trust a CA Certificate</source>
        <translation>信任 CA 证书</translation>
    </message>
    <message>
        <source>Pin a Server Certificate</source>
        <translation>固定服务器证书</translation>
    </message>
    <message>
        <source>Trusted &amp;CA:</source>
        <translation>受信任的 CA(&amp;C):</translation>
    </message>
    <message>
        <source>Pinned ce&amp;rtificate:</source>
        <translation>固定的证书(&amp;R):</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate to pin.</source>
        <translation>%1 中没有可固定的 PEM 证书。</translation>
    </message>
</context>
<context>
    <name>funcdesk::ChartData</name>
    <message>
        <source>Invocations</source>
        <translation>调用次数</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误数</translation>
    </message>
    <message>
        <source>Cold starts (%)</source>
        <translation>冷启动 (%)</translation>
    </message>
    <message>
        <source>Other functions</source>
        <translation>其他函数</translation>
    </message>
</context>
<context>
    <name>funcdesk::CodeBanner</name>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>funcdesk::CodeEditor</name>
    <message>
        <source>Find…</source>
        <translation>查找…</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>替换…</translation>
    </message>
    <message>
        <source>Find Next</source>
        <translation>查找下一个</translation>
    </message>
    <message>
        <source>Find Previous</source>
        <translation>查找上一个</translation>
    </message>
    <message>
        <source>Go to Line…</source>
        <translation>转到行…</translation>
    </message>
    <message>
        <source>Close Bar</source>
        <translation>关闭工具栏</translation>
    </message>
</context>
<context>
    <name>funcdesk::CodeFindBar</name>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>替换为</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3, Shift+Enter)</source>
        <translation>上一个匹配项（Shift+F3、Shift+Enter）</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Next match (F3, Enter)</source>
        <translation>下一个匹配项（F3、Enter）</translation>
    </message>
    <message>
        <source>Aa</source>
        <translation>Aa</translation>
    </message>
    <message>
        <source>Match case (%1)</source>
        <translation>区分大小写（%1）</translation>
    </message>
    <message>
        <source>W</source>
        <translation>W</translation>
    </message>
    <message>
        <source>Whole words (%1)</source>
        <translation>全字匹配（%1）</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Replace this match and find the next (Enter in the replace field)</source>
        <translation>替换此匹配项并查找下一个（在替换框中按 Enter）</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>无匹配项</translation>
    </message>
    <message numerus="yes">
        <source>Replaced %n</source>
        <translation>
            <numerusform>已替换 %n 处</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>funcdesk::CodeGoToLineBar</name>
    <message>
        <source>Go to line:</source>
        <translation>转到行：</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>There is no line %1: enter 1 to %2.</source>
        <translation>没有第 %1 行：请输入 1 到 %2。</translation>
    </message>
    <message>
        <source>(1–%1)</source>
        <translation>(1–%1)</translation>
    </message>
</context>
<context>
    <name>funcdesk::CodeHistoryPane</name>
    <message>
        <source>Compare with Editor</source>
        <translation>与编辑器比较</translation>
    </message>
    <message>
        <source>Roll Back…</source>
        <translation>回滚…</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Show the differences between this version and the editor (Ctrl+Shift+D)</source>
        <translation>显示此版本与编辑器之间的差异（Ctrl+Shift+D）</translation>
    </message>
    <message>
        <source>Deploy this version&apos;s code as a new version</source>
        <translation>将此版本的代码部署为新版本</translation>
    </message>
    <message>
        <source>Loading versions…</source>
        <translation>正在加载版本…</translation>
    </message>
</context>
<context>
    <name>funcdesk::CodePanel</name>
    <message>
        <source>Select a function to see its code.</source>
        <translation>选择一个函数以查看其代码。</translation>
    </message>
    <message>
        <source>Back to Editor</source>
        <translation>返回编辑器</translation>
    </message>
    <message>
        <source>Back to Editor (Esc)</source>
        <translation>返回编辑器（Esc）</translation>
    </message>
    <message>
        <source>Drafts cannot be saved: %1</source>
        <translation>无法保存草稿：%1</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>Deploy the editor&apos;s code as a new version</source>
        <translation>将编辑器中的代码部署为新版本</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Revert to the deployed code</source>
        <translation>还原为已部署的代码</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Compare the deployed code, or the version selected in History, with the editor</source>
        <translation>将已部署的代码（或在“历史”中选中的版本）与编辑器进行比较</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Show the function&apos;s versions</source>
        <translation>显示函数的各个版本</translation>
    </message>
    <message>
        <source>Roll Back…</source>
        <translation>回滚…</translation>
    </message>
    <message>
        <source>Deploy the code of the version selected in History as a new version</source>
        <translation>将“历史”中选中版本的代码部署为新版本</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <source>Could not load %1</source>
        <translation>无法加载 %1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>The code of %1 is a zip archive: it cannot be edited here.</source>
        <translation>%1 的代码是 zip 压缩包：无法在此编辑。</translation>
    </message>
    <message>
        <source>%1 has no code to edit (kind %2).</source>
        <translation>%1 没有可编辑的代码（类型 %2）。</translation>
    </message>
    <message>
        <source>Undeployed changes to %1 were kept from an earlier session. Restore or discard them to edit.</source>
        <translation>已保留先前会话中对 %1 所做的未部署更改。请先恢复或丢弃这些更改，然后再编辑。</translation>
    </message>
    <message>
        <source>They were made on version %1; version %2 is deployed now.</source>
        <translation>这些更改基于版本 %1；当前已部署的是版本 %2。</translation>
    </message>
    <message>
        <source>Restore Draft from %1</source>
        <translation>恢复 %1 的草稿</translation>
    </message>
    <message>
        <source>%1: draft restored.</source>
        <translation>%1：草稿已恢复。</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Version %1 (deployed)</source>
        <translation>版本 %1（已部署）</translation>
    </message>
    <message>
        <source>Draft from %1</source>
        <translation>%1 的草稿</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Rolling back %1 to version %2…</source>
        <translation>正在将 %1 回滚到版本 %2…</translation>
    </message>
    <message>
        <source>Deploying %1…</source>
        <translation>正在部署 %1…</translation>
    </message>
    <message>
        <source>Roll back failed</source>
        <translation>回滚失败</translation>
    </message>
    <message>
        <source>Deploy failed</source>
        <translation>部署失败</translation>
    </message>
    <message>
        <source>%1 no longer exists on this connection. Your code stays in the editor.</source>
        <translation>此连接上已不存在 %1。您的代码仍保留在编辑器中。</translation>
    </message>
    <message>
        <source>%1 was changed on the platform since you opened it: version %2 is deployed now, your edit started from version %3.</source>
        <translation>自您打开 %1 以来，它已在平台上被更改：当前已部署的是版本 %2，而您的编辑基于版本 %3。</translation>
    </message>
    <message>
        <source>Deploy Anyway</source>
        <translation>仍然部署</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Rolled back: version %1 has the code of version %2.</source>
        <translation>已回滚：版本 %1 使用版本 %2 的代码。</translation>
    </message>
    <message>
        <source>Deployed version %1.</source>
        <translation>已部署版本 %1。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Discard your changes and go back to the deployed version %1?</source>
        <translation>要丢弃您的更改并返回已部署的版本 %1 吗？</translation>
    </message>
    <message>
        <source>Reverted to version %1. Undo (Ctrl+Z) brings your changes back.</source>
        <translation>已还原到版本 %1。撤销（Ctrl+Z）可恢复您的更改。</translation>
    </message>
    <message>
        <source>Keep Editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <source>Version %1 of %2</source>
        <translation>版本 %1（%2）</translation>
    </message>
    <message>
        <source>Editor (not deployed)</source>
        <translation>编辑器（未部署）</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>编辑器</translation>
    </message>
    <message>
        <source>Deploy the code of version %1 as a new version? Your undeployed changes in the editor will be replaced.</source>
        <translation>要将版本 %1 的代码部署为新版本吗？编辑器中未部署的更改将被替换。</translation>
    </message>
    <message>
        <source>Deploy the code of version %1 as a new version?</source>
        <translation>要将版本 %1 的代码部署为新版本吗？</translation>
    </message>
    <message>
        <source>Roll Back</source>
        <translation>回滚</translation>
    </message>
    <message>
        <source>Could not load the versions: %1</source>
        <translation>无法加载版本：%1</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Cancel Deploy</source>
        <translation>取消部署</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Stop waiting for the platform (Esc)</source>
        <translation>停止等待平台（Esc）</translation>
    </message>
    <message>
        <source>Stopped waiting. The code had already been sent and cannot be called back: whether %1 has a new version is unknown. Refresh shows what the platform has; your code stays in the editor.</source>
        <translation>已停止等待。代码已经发出，无法撤回：%1 是否已有新版本尚不可知。“刷新”可查看平台上的现状；你的代码仍保留在编辑器中。</translation>
    </message>
    <message>
        <source>Deploy canceled before the code was sent: nothing changed on the platform.</source>
        <translation>部署在代码发出之前已取消：平台上没有任何改动。</translation>
    </message>
    <message>
        <source>Version %1 is deployed; the editor&apos;s code is not.</source>
        <translation>已部署的是版本 %1；编辑器中的代码尚未部署。</translation>
    </message>
    <message>
        <source>Version %1 is deployed with the editor&apos;s code.</source>
        <translation>已部署版本 %1，其代码与编辑器中的一致。</translation>
    </message>
    <message>
        <source>Checking the syntax of %1…</source>
        <translation>正在检查 %1 的语法…</translation>
    </message>
    <message>
        <source>The syntax was not checked: %1.</source>
        <translation>未检查语法：%1。</translation>
    </message>
    <message>
        <source>Syntax error on line %1: %2</source>
        <translation>第 %1 行有语法错误：%2</translation>
    </message>
    <message>
        <source>Syntax error: %1</source>
        <translation>语法错误：%1</translation>
    </message>
    <message>
        <source>%1. Nothing was deployed.</source>
        <translation>%1。未部署任何内容。</translation>
    </message>
    <message>
        <source>Go to Line %1</source>
        <translation>转到第 %1 行</translation>
    </message>
    <message>
        <source>%1 is a sequence: it runs these actions in order. Deploy stores a new order or new components.</source>
        <translation>%1 是一个序列：它按顺序运行这些动作。部署会保存新的顺序或新的组件。</translation>
    </message>
</context>
<context>
    <name>funcdesk::CodeVersionModel</name>
    <message>
        <source>%1 (deployed)</source>
        <translation>%1（已部署）</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Version %1, deployed %2</source>
        <translation>版本 %1，部署于 %2</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Deployed</source>
        <translation>部署时间</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
</context>
<context>
    <name>funcdesk::ComponentCatalog</name>
    <message>
        <source>Could not read the functions: %1</source>
        <translation>无法读取函数：%1</translation>
    </message>
    <message>
        <source>The shared actions of %1 could not be read: %2</source>
        <translation>无法读取 %1 的共享动作：%2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>funcdesk::ConfigPanel</name>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>&amp;Memory:</source>
        <translation>内存(&amp;M)：</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>超时(&amp;T)：</translation>
    </message>
    <message>
        <source>Follow memory</source>
        <translation>随内存</translation>
    </message>
    <message>
        <source> vCPU</source>
        <translation> vCPU</translation>
    </message>
    <message>
        <source>&amp;CPU:</source>
        <translation>CPU(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Log limit:</source>
        <translation>日志限制(&amp;L)：</translation>
    </message>
    <message>
        <source>C&amp;oncurrency:</source>
        <translation>并发(&amp;O)：</translation>
    </message>
    <message>
        <source>How many activations of this function may run at once. Node.js runs them in one process that shares the memory and CPU limits, as OpenWhisk does; more wait in a queue.</source>
        <translation>此函数可同时运行的激活数。Node.js 在同一个进程中运行它们，共享内存和 CPU 限制，与 OpenWhisk 相同；超出的激活在队列中等待。</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>限制</translation>
    </message>
    <message>
        <source>&amp;Instances:</source>
        <translation>实例数(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Web export: call this function over HTTP without a key</source>
        <translation>Web 导出：无需密钥即可通过 HTTP 调用此函数(&amp;W)</translation>
    </message>
    <message>
        <source>Cop&amp;y URL</source>
        <translation>复制 URL(&amp;Y)</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>应用(&amp;P)</translation>
    </message>
    <message>
        <source>Re&amp;set</source>
        <translation>重置(&amp;S)</translation>
    </message>
    <message>
        <source>Default parameters</source>
        <translation>默认参数</translation>
    </message>
    <message>
        <source>URL copied.</source>
        <translation>已复制 URL。</translation>
    </message>
    <message>
        <source>Configuration of %1</source>
        <translation>%1 的配置</translation>
    </message>
    <message>
        <source>Loading configuration…</source>
        <translation>正在加载配置…</translation>
    </message>
    <message>
        <source>Could not read the platform&apos;s limits: %1</source>
        <translation>无法读取平台的限制：%1</translation>
    </message>
    <message>
        <source>Could not load %1: %2</source>
        <translation>无法加载 %1：%2</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>正在应用…</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>未应用：%1</translation>
    </message>
    <message>
        <source>Applied: %1 is now version %2.</source>
        <translation>已应用：%1 现在是版本 %2。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Stop waiting for the platform (Esc)</source>
        <translation>停止等待平台（Esc）</translation>
    </message>
    <message>
        <source>Load what the platform has now; the form keeps what you typed</source>
        <translation>加载平台上的当前设置；表单保留你输入的内容</translation>
    </message>
    <message>
        <source>Stopped waiting. The new settings had already been sent and cannot be called back: whether %1 has them is unknown. Refresh shows what the platform has; the form keeps what you typed.</source>
        <translation>已停止等待。新设置已经发出，无法撤回：%1 是否已采用这些设置尚不可知。“刷新”可查看平台上的现状；表单保留你输入的内容。</translation>
    </message>
    <message>
        <source>Version %1 on the platform has these settings.</source>
        <translation>平台上的版本 %1 已采用这些设置。</translation>
    </message>
    <message>
        <source>Version %1 on the platform has other settings: Apply sends yours, Reset shows the platform&apos;s.</source>
        <translation>平台上的版本 %1 的设置与此不同：“应用”发送你的设置，“重置”显示平台的设置。</translation>
    </message>
    <message>
        <source>No trigger runs this function; wire one in the Wiring view.</source>
        <translation>没有触发器运行此函数；可在“连线”视图中连接一个。</translation>
    </message>
    <message>
        <source>Run by: %1</source>
        <translation>由以下触发器运行：%1</translation>
    </message>
    <message>
        <source>Stora&amp;ge (/tmp):</source>
        <translation>存储(&amp;G)（/tmp）：</translation>
    </message>
    <message>
        <source>On</source>
        <translation>开</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>Off: the function has no network at all, not even to other functions.</source>
        <translation>关：函数完全没有网络，连其他函数也无法访问。</translation>
    </message>
    <message>
        <source>Networ&amp;k:</source>
        <translation>网络(&amp;K)：</translation>
    </message>
    <message>
        <source>How many processes of the current version the platform keeps started and warm at all times, so calls do not wait for a cold start.</source>
        <translation>平台始终为当前版本保持已启动的热进程数量，使调用无需等待冷启动。</translation>
    </message>
    <message>
        <source>Minimum instanc&amp;es:</source>
        <translation>最少实例数(&amp;E)：</translation>
    </message>
    <message>
        <source>No function selected</source>
        <translation>未选择函数</translation>
    </message>
    <message>
        <source>Unsaved configuration</source>
        <translation>未保存的配置</translation>
    </message>
    <message>
        <source>The configuration of %1 has changes that are not applied.</source>
        <translation>%1 的配置有尚未应用的更改。</translation>
    </message>
    <message>
        <source>Apply them before moving on, discard them, or stay here?</source>
        <translation>先应用再继续、丢弃这些更改，还是留在这里？</translation>
    </message>
    <message>
        <source>Some values are not valid, so they cannot be applied: discard them, or stay here and correct them?</source>
        <translation>有些值无效，无法应用：丢弃它们，还是留在这里改正？</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
</context>
<context>
    <name>funcdesk::ConnectionDialog</name>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Manage Connections</source>
        <translation>管理连接</translation>
    </message>
    <message>
        <source>Add a remote connection (%1)</source>
        <translation>添加远程连接（%1）</translation>
    </message>
    <message>
        <source>Remove the selected connection and its stored key (%1)</source>
        <translation>删除所选连接及其存储的密钥（%1）</translation>
    </message>
    <message>
        <source>&amp;Discard Changes</source>
        <translation>放弃更改(&amp;D)</translation>
    </message>
    <message>
        <source>Remove Connection</source>
        <translation>删除连接</translation>
    </message>
    <message>
        <source>Remove the connection &quot;%1&quot; and the key stored for it?</source>
        <translation>要删除连接“%1”及为其存储的密钥吗？</translation>
    </message>
    <message>
        <source>Apply or discard your changes to choose another connection</source>
        <translation>请先应用或放弃您的更改，然后再选择其他连接</translation>
    </message>
</context>
<context>
    <name>funcdesk::ConnectionForm</name>
    <message>
        <source>https://openwhisk.example.com or 127.0.0.1:3233</source>
        <translation>https://openwhisk.example.com 或 127.0.0.1:3233</translation>
    </message>
    <message>
        <source>_ (the key&apos;s own namespace)</source>
        <translation>_（密钥自身的命名空间）</translation>
    </message>
    <message>
        <source>uuid:key</source>
        <translation>uuid:key</translation>
    </message>
    <message>
        <source>&amp;Keep the current key</source>
        <translation>保留当前密钥(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Ignore certificate errors</source>
        <translation>忽略证书错误(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Ask the server whether it answers and accepts the key; nothing is saved</source>
        <translation>询问服务器是否响应并接受该密钥；不会保存任何内容</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>API &amp;host:</source>
        <translation>API 主机(&amp;H)：</translation>
    </message>
    <message>
        <source>Names&amp;pace:</source>
        <translation>命名空间(&amp;P)：</translation>
    </message>
    <message>
        <source>Auth &amp;key:</source>
        <translation>认证密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>Edit connection</source>
        <translation>编辑连接</translation>
    </message>
    <message>
        <source>Built-in connection</source>
        <translation>内置连接</translation>
    </message>
    <message>
        <source>The Local connection is the platform built into Funcdesk, on this computer. It cannot be edited or removed.</source>
        <translation>“本地”连接是 Funcdesk 内置的、运行在本机上的平台。它无法编辑或删除。</translation>
    </message>
    <message>
        <source>(built in)</source>
        <translation>（内置）</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>新建连接</translation>
    </message>
    <message>
        <source>Certificate errors are ignored: anyone between you and the server can read your key and change what the server says. Use this only for a test server you trust.</source>
        <translation>已忽略证书错误：您与服务器之间的任何人都能读取您的密钥并篡改服务器的响应。请仅对您信任的测试服务器使用此选项。</translation>
    </message>
    <message>
        <source>The stored key is kept</source>
        <translation>已存储的密钥将被保留</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>正在询问服务器…</translation>
    </message>
</context>
<context>
    <name>funcdesk::ConnectionHealth</name>
    <message numerus="yes">
        <source>The server did not answer within %n second(s).</source>
        <translation>
            <numerusform>服务器在 %n 秒内未响应。</numerusform>
        </translation>
    </message>
    <message>
        <source>No platform is connected.</source>
        <translation>未连接任何平台。</translation>
    </message>
    <message>
        <source>The server cannot be reached.</source>
        <translation>无法访问服务器。</translation>
    </message>
</context>
<context>
    <name>funcdesk::ConnectionKeyring</name>
    <message>
        <source>No key is stored for this connection: without a keychain service, keys are kept in memory only until you quit. Edit the connection to enter its key again.</source>
        <translation>此连接未存储密钥：没有钥匙串服务时，密钥只保存在内存中，直到您退出程序。请编辑此连接并重新输入密钥。</translation>
    </message>
    <message>
        <source>No keychain service is running; keys are kept in memory until you quit.</source>
        <translation>没有正在运行的钥匙串服务；密钥将保存在内存中，直到您退出程序。</translation>
    </message>
    <message>
        <source>No key is stored for this connection.</source>
        <translation>此连接未存储密钥。</translation>
    </message>
    <message>
        <source>The keychain refused to hand out the key: %1</source>
        <translation>钥匙串拒绝提供密钥：%1</translation>
    </message>
</context>
<context>
    <name>funcdesk::ConnectionListModel</name>
    <message>
        <source>The platform built into Funcdesk, on this computer</source>
        <translation>Funcdesk 内置的、运行在本机上的平台</translation>
    </message>
</context>
<context>
    <name>funcdesk::ConnectionManager</name>
    <message>
        <source>No auth key is stored for this connection. Edit the connection to enter its key.</source>
        <translation>此连接未存储认证密钥。请编辑此连接并输入密钥。</translation>
    </message>
    <message>
        <source>The local platform is not running.</source>
        <translation>本地平台未运行。</translation>
    </message>
    <message>
        <source>The local platform is starting…</source>
        <translation>本地平台正在启动…</translation>
    </message>
</context>
<context>
    <name>funcdesk::ConnectionProfile</name>
    <message>
        <source>Local</source>
        <translation>本地</translation>
    </message>
</context>
<context>
    <name>funcdesk::ConnectionProfileCheck</name>
    <message>
        <source>Enter a name for the connection.</source>
        <translation>请输入连接的名称。</translation>
    </message>
    <message>
        <source>The name is too long (at most %1 characters).</source>
        <translation>名称过长（最多 %1 个字符）。</translation>
    </message>
    <message>
        <source>A connection named &quot;%1&quot; already exists.</source>
        <translation>已存在名为“%1”的连接。</translation>
    </message>
    <message>
        <source>Enter the API host, for example https://openwhisk.example.com or 127.0.0.1:3233.</source>
        <translation>请输入 API 主机，例如 https://openwhisk.example.com 或 127.0.0.1:3233。</translation>
    </message>
    <message>
        <source>The API host must use http:// or https://.</source>
        <translation>API 主机必须使用 http:// 或 https://。</translation>
    </message>
    <message>
        <source>Leave credentials out of the API host; enter the key in the Auth key field.</source>
        <translation>请勿在 API 主机中包含凭据；请在“认证密钥”字段中输入密钥。</translation>
    </message>
    <message>
        <source>This is not a usable address. Use host:port or a URL such as https://openwhisk.example.com.</source>
        <translation>这不是可用的地址。请使用 host:port 或 URL，例如 https://openwhisk.example.com。</translation>
    </message>
    <message>
        <source>Enter a namespace, or _ for the key&apos;s own namespace.</source>
        <translation>请输入命名空间，或输入 _ 表示密钥自身的命名空间。</translation>
    </message>
    <message>
        <source>A namespace name starts with a letter or digit and uses letters, digits, spaces and @ . &amp; - _.</source>
        <translation>命名空间名称必须以字母或数字开头，只能包含字母、数字、空格及 @ . &amp; - _。</translation>
    </message>
    <message>
        <source>%1 is not a readable PEM certificate file.</source>
        <translation>%1 不是可读的 PEM 证书文件。</translation>
    </message>
    <message>
        <source>The pinned certificate must be a SHA-256 fingerprint (64 hex digits), or pick its file.</source>
        <translation>固定的证书必须是 SHA-256 指纹（64 个十六进制数字），或选择其证书文件。</translation>
    </message>
</context>
<context>
    <name>funcdesk::ConnectionStore</name>
    <message>
        <source>There is no such connection.</source>
        <translation>没有此连接。</translation>
    </message>
    <message>
        <source>The Local connection is built in: it cannot be changed or removed.</source>
        <translation>“本地”连接是内置连接：无法更改或删除。</translation>
    </message>
    <message>
        <source>A connection with this id already exists.</source>
        <translation>已存在具有此 ID 的连接。</translation>
    </message>
</context>
<context>
    <name>funcdesk::ConnectionSwitcher</name>
    <message>
        <source>&amp;Manage Connections…</source>
        <translation>管理连接(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Switch Connection</source>
        <translation>切换连接(&amp;S)</translation>
    </message>
    <message>
        <source>The current connection: choose another to switch to it (%1)</source>
        <translation>当前连接：选择其他连接即可切换（%1）</translation>
    </message>
    <message>
        <source>Add, edit or remove connections (%1)</source>
        <translation>添加、编辑或删除连接（%1）</translation>
    </message>
    <message>
        <source>C&amp;onnection:</source>
        <translation>连接(&amp;O)：</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation>离线：%1</translation>
    </message>
</context>
<context>
    <name>funcdesk::ConnectionTest</name>
    <message>
        <source>no runtimes</source>
        <translation>无运行时</translation>
    </message>
    <message>
        <source>runtimes %1</source>
        <translation>运行时 %1</translation>
    </message>
    <message>
        <source>Connected: %1, %2; namespace %3</source>
        <translation>已连接：%1，%2；命名空间 %3</translation>
    </message>
    <message>
        <source>The server refused the key: %1</source>
        <translation>服务器拒绝了该密钥：%1</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>连接已关闭。</translation>
    </message>
    <message>
        <source>The server answered (%1), but no auth key was entered.</source>
        <translation>服务器已响应（%1），但未输入认证密钥。</translation>
    </message>
</context>
<context>
    <name>funcdesk::CustomPricesDialog</name>
    <message>
        <source>Custom prices</source>
        <translation>自定义价格</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>区域：</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>货币：</translation>
    </message>
    <message>
        <source>Per million requests:</source>
        <translation>每百万次请求：</translation>
    </message>
    <message>
        <source>Per GB-second:</source>
        <translation>每 GB-s：</translation>
    </message>
    <message>
        <source>Per vCPU-second:</source>
        <translation>每 vCPU 秒：</translation>
    </message>
    <message>
        <source>Per disk GB-second:</source>
        <translation>每磁盘 GB-s：</translation>
    </message>
    <message>
        <source>Billing granularity:</source>
        <translation>计费粒度：</translation>
    </message>
    <message>
        <source>Minimum billed:</source>
        <translation>最低计费：</translation>
    </message>
    <message>
        <source>Free requests a month:</source>
        <translation>每月免费请求数：</translation>
    </message>
    <message>
        <source>Free GB-seconds a month:</source>
        <translation>每月免费 GB-s：</translation>
    </message>
</context>
<context>
    <name>funcdesk::DeployProjectDialog</name>
    <message>
        <source>Deploy project to %1</source>
        <translation>将项目部署到 %1</translation>
    </message>
    <message>
        <source>Deploys the packages, actions, sequences, triggers and rules of a project&apos;s manifest.yaml (the format of wskdeploy) in one go. The plan below is what Deploy would do; nothing is applied before you click it.</source>
        <translation>一次性部署项目 manifest.yaml（wskdeploy 的格式）中的包、动作、序列、触发器和规则。下面的计划是“部署”将执行的操作；点击之前不会应用任何更改。</translation>
    </message>
    <message>
        <source>The folder holding manifest.yaml</source>
        <translation>包含 manifest.yaml 的文件夹</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Project &amp;folder:</source>
        <translation>项目文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Deploy</source>
        <translation>部署(&amp;D)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Project folder</source>
        <translation>项目文件夹</translation>
    </message>
    <message>
        <source>Reading the manifest…</source>
        <translation>正在读取清单…</translation>
    </message>
    <message>
        <source>Comparing the manifest with the connection…</source>
        <translation>正在将清单与连接进行比较…</translation>
    </message>
    <message>
        <source>Deploying…</source>
        <translation>正在部署…</translation>
    </message>
    <message>
        <source>Warnings:
%1</source>
        <translation>警告：
%1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>funcdesk::DiffView</name>
    <message>
        <source>  (no newline at end)</source>
        <translation>  （末尾没有换行符）</translation>
    </message>
    <message numerus="yes">
        <source>⋯ %n unchanged line(s)</source>
        <translation>
            <numerusform>⋯ %n 行未更改</numerusform>
        </translation>
    </message>
    <message>
        <source>Side by Side</source>
        <translation>并排</translation>
    </message>
    <message>
        <source>Unified</source>
        <translation>统一</translation>
    </message>
    <message>
        <source>No differences except line endings (CRLF and LF).</source>
        <translation>除行尾符（CRLF 与 LF）外没有差异。</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>没有差异。</translation>
    </message>
    <message>
        <source>%1 added, %2 removed</source>
        <translation>新增 %1 行，删除 %2 行</translation>
    </message>
</context>
<context>
    <name>funcdesk::DraftStore</name>
    <message>
        <source>Cannot create the drafts folder %1.</source>
        <translation>无法创建草稿文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot save the draft %1: %2</source>
        <translation>无法保存草稿 %1：%2</translation>
    </message>
    <message>
        <source>Cannot remove the draft %1: %2</source>
        <translation>无法删除草稿 %1：%2</translation>
    </message>
</context>
<context>
    <name>funcdesk::FunctionListModel</name>
    <message>
        <source>The connection went away.</source>
        <translation>连接已断开。</translation>
    </message>
    <message>
        <source>This platform does not set CPU per function.</source>
        <translation>此平台不按函数设置 CPU。</translation>
    </message>
    <message>
        <source>Counted from the newest %1 activations of the last 24 hours; there were more.</source>
        <translation>根据最近 24 小时内最新的 %1 条激活记录统计；实际记录更多。</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 vCPU</source>
        <translation>%1 vCPU</translation>
    </message>
    <message>
        <source>auto (%1 vCPU)</source>
        <translation>自动（%1 vCPU）</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>≥ %1</source>
        <translation>≥ %1</translation>
    </message>
    <message>
        <source>Activations of the last 24 hours, then live as they arrive.</source>
        <translation>最近 24 小时的激活记录，之后随新记录到达实时更新。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>运行时</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Concurrency</source>
        <translation>并发</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>最后更新</translation>
    </message>
    <message>
        <source>Invocations (24 h)</source>
        <translation>调用次数（24 小时）</translation>
    </message>
    <message>
        <source>Errors (24 h)</source>
        <translation>错误数（24 小时）</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>触发器</translation>
    </message>
    <message>
        <source>In the chosen time range, from the metrics of this connection; cost under its price list.</source>
        <translation>所选时间范围内的数据，来自此连接的指标；费用按其价格表计算。</translation>
    </message>
    <message>
        <source>Invocations</source>
        <translation>调用次数</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误数</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>This platform does not set storage or network per function.</source>
        <translation>此平台不按函数设置存储或网络。</translation>
    </message>
    <message>
        <source>The size of the function&apos;s /tmp.</source>
        <translation>函数 /tmp 的大小。</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>存储</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>A sequence runs no process of its own: each of its components has its own limits.</source>
        <translation>序列本身不运行进程：它的每个组件都有自己的限制。</translation>
    </message>
</context>
<context>
    <name>funcdesk::FunctionsPanel</name>
    <message>
        <source>No function matches “%1”.</source>
        <translation>没有与“%1”匹配的函数。</translation>
    </message>
    <message>
        <source>No functions yet.
Create one with New function… (%1).</source>
        <translation>还没有函数。
用“新建函数…”（%1）创建一个。</translation>
    </message>
    <message>
        <source>Not created: %1</source>
        <translation>未创建：%1</translation>
    </message>
    <message>
        <source>Filter functions (Ctrl+L)</source>
        <translation>筛选函数（Ctrl+L）</translation>
    </message>
    <message>
        <source>&amp;New function…</source>
        <translation>新建函数(&amp;N)…</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>筛选(&amp;F)</translation>
    </message>
    <message>
        <source>Loading functions…</source>
        <translation>正在加载函数…</translation>
    </message>
    <message numerus="yes">
        <source>%n function(s).</source>
        <translation>
            <numerusform>%n 个函数。</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the platform&apos;s runtimes…</source>
        <translation>正在读取平台的运行时…</translation>
    </message>
    <message>
        <source>Could not read the platform&apos;s runtimes: %1</source>
        <translation>无法读取平台的运行时：%1</translation>
    </message>
    <message>
        <source>Created %1.</source>
        <translation>已创建 %1。</translation>
    </message>
    <message numerus="yes">
        <source>Saving %n function(s)…</source>
        <translation>
            <numerusform>正在保存 %n 个函数…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Created %1 as a copy of %2.</source>
        <translation>已创建 %1，它是 %2 的副本。</translation>
    </message>
    <message>
        <source>Delete functions</source>
        <translation>删除函数</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n function(s)? This cannot be undone.

%1</source>
        <translation>
            <numerusform>要删除 %n 个函数吗？此操作无法撤销。

%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>正在删除…</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n function(s).</source>
        <translation>
            <numerusform>已删除 %n 个函数。</numerusform>
        </translation>
    </message>
    <message>
        <source>Import functions</source>
        <translation>导入函数</translation>
    </message>
    <message>
        <source>Functions (*.js *.mjs *.cjs *.py *.json)</source>
        <translation>函数 (*.js *.mjs *.cjs *.py *.json)</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n function(s).</source>
        <translation>
            <numerusform>已导入 %n 个函数。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export functions</source>
        <translation>导出函数</translation>
    </message>
    <message>
        <source>Function documents (*.json);;Source file (*.js *.py)</source>
        <translation>函数文档 (*.json);;源文件 (*.js *.py)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n function(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 个函数导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>New &amp;package…</source>
        <translation>新建包(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Bind shared package…</source>
        <translation>绑定共享包(&amp;B)…</translation>
    </message>
    <message>
        <source>De&amp;lete package…</source>
        <translation>删除包(&amp;L)…</translation>
    </message>
    <message>
        <source>Pac&amp;kages</source>
        <translation>包(&amp;K)</translation>
    </message>
    <message>
        <source>New package, bind a shared package, delete a package</source>
        <translation>新建包、绑定共享包、删除包</translation>
    </message>
    <message>
        <source>New package</source>
        <translation>新建包</translation>
    </message>
    <message>
        <source>Name of the new package (its functions are then named package/function):</source>
        <translation>新包的名称（其中的函数将命名为 包/函数）：</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>There is a package named %1 already.</source>
        <translation>已有名为 %1 的包。</translation>
    </message>
    <message>
        <source>Creating package %1…</source>
        <translation>正在创建包 %1…</translation>
    </message>
    <message>
        <source>Created package %1.</source>
        <translation>已创建包 %1。</translation>
    </message>
    <message>
        <source>Not bound: %1</source>
        <translation>未绑定：%1</translation>
    </message>
    <message>
        <source>Bound %1 as %2.</source>
        <translation>已将 %1 绑定为 %2。</translation>
    </message>
    <message>
        <source>Delete package</source>
        <translation>删除包</translation>
    </message>
    <message>
        <source>Delete package %1? This cannot be undone.</source>
        <translation>删除包 %1？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Deleting package %1…</source>
        <translation>正在删除包 %1…</translation>
    </message>
    <message>
        <source>Could not delete package %1: %2</source>
        <translation>无法删除包 %1：%2</translation>
    </message>
    <message>
        <source>Deleted package %1.</source>
        <translation>已删除包 %1。</translation>
    </message>
</context>
<context>
    <name>funcdesk::FutureCallback</name>
    <message>
        <source>The operation was canceled.</source>
        <translation>操作已取消。</translation>
    </message>
</context>
<context>
    <name>funcdesk::HttpExchange</name>
    <message>
        <source>The connection to %1 was closed before the platform answered.</source>
        <translation>平台响应之前，与 %1 的连接已关闭。</translation>
    </message>
    <message>
        <source>The platform at %1 did not answer in time.</source>
        <translation>位于 %1 的平台未能及时响应。</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无响应</translation>
    </message>
    <message>
        <source>Cannot reach the platform at %1: %2</source>
        <translation>无法访问位于 %1 的平台：%2</translation>
    </message>
    <message>
        <source>The platform redirects to %1; use that address instead.</source>
        <translation>平台重定向到 %1；请改用该地址。</translation>
    </message>
    <message>
        <source>The platform answered HTTP %1 where it should not have.</source>
        <translation>平台返回了不应出现的 HTTP %1。</translation>
    </message>
    <message>
        <source>The platform answered HTTP %1 (%2) without an error message.</source>
        <translation>平台返回了 HTTP %1（%2），但没有错误信息。</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未说明原因</translation>
    </message>
    <message>
        <source>The platform&apos;s answer to %1 %2 is not the JSON expected: %3</source>
        <translation>平台对 %1 %2 的响应不是预期的 JSON：%3</translation>
    </message>
</context>
<context>
    <name>funcdesk::HttpProbe</name>
    <message>
        <source>Enter an http:// or https:// URL.</source>
        <translation>请输入 http:// 或 https:// URL。</translation>
    </message>
    <message>
        <source>No answer in time.</source>
        <translation>未能及时响应。</translation>
    </message>
</context>
<context>
    <name>funcdesk::KeyPrompt</name>
    <message>
        <source>&amp;Enter Key…</source>
        <translation>输入密钥(&amp;E)…</translation>
    </message>
    <message>
        <source>“%1” has no key. %2</source>
        <translation>“%1”没有密钥。%2</translation>
    </message>
    <message>
        <source>Enter Key</source>
        <translation>输入密钥</translation>
    </message>
    <message>
        <source>Auth key of “%1” (uuid:key):</source>
        <translation>“%1”的认证密钥（uuid:key）：</translation>
    </message>
</context>
<context>
    <name>funcdesk::LocalRunStopper</name>
    <message numerus="yes">
        <source>Stopping %n running functions…</source>
        <translation>
            <numerusform>正在停止 %n 个运行中的函数…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>funcdesk::MainWindow</name>
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
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>激活记录</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>F&amp;unction</source>
        <translation>函数(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>The language changes when Funcdesk starts again.</source>
        <translation>语言将在 Funcdesk 重新启动后更改。</translation>
    </message>
    <message>
        <source>%1 — Funcdesk</source>
        <translation>%1 — Funcdesk</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>本地</translation>
    </message>
    <message>
        <source>%1: online</source>
        <translation>%1：在线</translation>
    </message>
    <message>
        <source>%1: offline — %2</source>
        <translation>%1：离线 — %2</translation>
    </message>
    <message>
        <source>Co&amp;de</source>
        <translation>代码(&amp;D)</translation>
    </message>
    <message>
        <source>Functions</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>触发器</translation>
    </message>
    <message>
        <source>Wiring</source>
        <translation>连线</translation>
    </message>
    <message>
        <source>Buckets</source>
        <translation>存储桶</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>监控</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Monthly budget</source>
        <translation>每月预算</translation>
    </message>
    <message>
        <source>Deploy &amp;project…</source>
        <translation>部署项目(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>funcdesk::MetricsChart</name>
    <message>
        <source>%1 · %2: %3</source>
        <translation>%1 · %2：%3</translation>
    </message>
    <message>
        <source>Save chart as PNG…</source>
        <translation>将图表另存为 PNG…</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Could not save %1.</source>
        <translation>无法保存 %1。</translation>
    </message>
</context>
<context>
    <name>funcdesk::MetricsDashboard</name>
    <message>
        <source>Invocations and errors</source>
        <translation>调用次数与错误数</translation>
    </message>
    <message>
        <source>Duration percentiles</source>
        <translation>时长百分位</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Cold starts</source>
        <translation>冷启动</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Cost by function</source>
        <translation>各函数费用</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Export metrics as CSV</source>
        <translation>将指标导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Metrics saved to %1.</source>
        <translation>指标已保存到 %1。</translation>
    </message>
</context>
<context>
    <name>funcdesk::MetricsFeed</name>
    <message>
        <source>No metrics for this connection.</source>
        <translation>此连接没有指标。</translation>
    </message>
    <message>
        <source>Data since %1</source>
        <translation>数据起始于 %1</translation>
    </message>
    <message>
        <source>No activations yet</source>
        <translation>尚无激活记录</translation>
    </message>
    <message>
        <source>backfilling…</source>
        <translation>正在回填…</translation>
    </message>
    <message>
        <source>live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
</context>
<context>
    <name>funcdesk::MetricsRanges</name>
    <message>
        <source>Live (15 min)</source>
        <translation>实时（15 分钟）</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
</context>
<context>
    <name>funcdesk::MonitoringPanel</name>
    <message>
        <source>Duration histogram</source>
        <translation>时长直方图</translation>
    </message>
    <message numerus="yes">
        <source>%n activation(s)</source>
        <translation>
            <numerusform>%n 条激活记录</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Cold and warm starts&lt;/b&gt;</source>
        <translation>&lt;b&gt;冷启动与热启动&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Memory&lt;/b&gt;</source>
        <translation>&lt;b&gt;内存&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Power tuning…</source>
        <translation>功率调优…</translation>
    </message>
    <message>
        <source>Run the function at several memory sizes and CPU settings and pick the cheapest, the fastest or the balanced one.</source>
        <translation>以多种内存大小和 CPU 设置运行函数，从中选出最便宜、最快或最均衡的设置。</translation>
    </message>
    <message>
        <source>Select a function to see its metrics.</source>
        <translation>选择一个函数以查看其指标。</translation>
    </message>
    <message>
        <source>No activations in this range.</source>
        <translation>此范围内没有激活记录。</translation>
    </message>
    <message>
        <source>%1–%2 ms</source>
        <translation>%1–%2 ms</translation>
    </message>
    <message>
        <source>%1 cold, %2 warm (%3 % cold).</source>
        <translation>冷启动 %1 次，热启动 %2 次（冷启动占 %3%）。</translation>
    </message>
    <message>
        <source>A cold start spends %1 ms on average initializing.</source>
        <translation>每次冷启动平均花费 %1 ms 进行初始化。</translation>
    </message>
    <message>
        <source>Average duration %1 ms, p99 %2 ms.</source>
        <translation>平均时长 %1 ms，p99 %2 ms。</translation>
    </message>
    <message>
        <source>Peak memory is not measured on this platform (%1 MB configured).</source>
        <translation>此平台不测量峰值内存（已配置 %1 MB）。</translation>
    </message>
    <message>
        <source>Peak %1 MB of %2 MB configured.</source>
        <translation>峰值 %1 MB，已配置 %2 MB。</translation>
    </message>
    <message>
        <source>The function uses less than half of its memory: a smaller size may cost less.</source>
        <translation>该函数使用的内存不到配置的一半：改用更小的内存可能更省钱。</translation>
    </message>
</context>
<context>
    <name>funcdesk::NewFunctionDialog</name>
    <message>
        <source>Creating %1…</source>
        <translation>正在创建 %1…</translation>
    </message>
    <message>
        <source>New function</source>
        <translation>新建函数</translation>
    </message>
    <message>
        <source>e.g. resize-image</source>
        <translation>例如 resize-image</translation>
    </message>
    <message>
        <source>The function starts from a small example for its runtime.</source>
        <translation>新函数将以所选运行时的一个小示例作为起点。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Runtime:</source>
        <translation>运行时(&amp;R)：</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Not a valid name: letters, digits, _ @ . &amp; - and spaces inside; at most 256 characters.</source>
        <translation>名称无效：只能使用字母、数字及 _ @ . &amp; -，空格只能出现在中间；最多 256 个字符。</translation>
    </message>
    <message>
        <source>A function with this name exists.</source>
        <translation>已存在同名函数。</translation>
    </message>
    <message>
        <source>The platform offers no runtime.</source>
        <translation>平台未提供任何运行时。</translation>
    </message>
    <message>
        <source>Duplicate function</source>
        <translation>复制函数</translation>
    </message>
    <message>
        <source>The copy gets the code, configuration and parameters of %1.</source>
        <translation>副本会获得 %1 的代码、配置和参数。</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>Runs existing actions in order, each one&apos;s result the next one&apos;s input</source>
        <translation>按顺序运行已有的动作，每个动作的结果作为下一个动作的输入</translation>
    </message>
    <message>
        <source>A sequence runs its components in order: the input goes to the first, each result to the next, and the last result is the sequence&apos;s.</source>
        <translation>序列按顺序运行其组件：输入交给第一个组件，每个结果交给下一个组件，最后一个结果就是序列的结果。</translation>
    </message>
</context>
<context>
    <name>funcdesk::ObjectBrowserModel</name>
    <message>
        <source>This connection does not store objects; buckets live on the Local connection.</source>
        <translation>此连接不存储对象；存储桶位于“本地”连接上。</translation>
    </message>
    <message>
        <source>Bucket %1 created.</source>
        <translation>已创建存储桶 %1。</translation>
    </message>
    <message>
        <source>Bucket %1 deleted.</source>
        <translation>已删除存储桶 %1。</translation>
    </message>
    <message>
        <source>Choose or create a bucket first.</source>
        <translation>请先选择或创建一个存储桶。</translation>
    </message>
    <message>
        <source>%1 is not a file; folders are not uploaded.</source>
        <translation>%1 不是文件；不会上传文件夹。</translation>
    </message>
    <message>
        <source>%1 deleted.</source>
        <translation>已删除 %1。</translation>
    </message>
    <message>
        <source>%1 was not uploaded: %2</source>
        <translation>%1 未上传：%2</translation>
    </message>
    <message>
        <source>%1 was not downloaded: %2</source>
        <translation>%1 未下载：%2</translation>
    </message>
    <message>
        <source>%1 uploaded.</source>
        <translation>已上传 %1。</translation>
    </message>
    <message>
        <source>%1 downloaded.</source>
        <translation>已下载 %1。</translation>
    </message>
    <message>
        <source>Folder %1</source>
        <translation>文件夹 %1</translation>
    </message>
    <message>
        <source>%1
%2 bytes, MD5 %3</source>
        <translation>%1
%2 字节，MD5 %3</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>修改时间</translation>
    </message>
</context>
<context>
    <name>funcdesk::ObjectEditor</name>
    <message>
        <source>e.g. uploads/ (optional)</source>
        <translation>例如 uploads/（可选）</translation>
    </message>
    <message>
        <source>e.g. .csv (optional)</source>
        <translation>例如 .csv（可选）</translation>
    </message>
    <message>
        <source>An object is stored</source>
        <translation>存入对象时</translation>
    </message>
    <message>
        <source>An object is deleted</source>
        <translation>删除对象时</translation>
    </message>
    <message>
        <source>Bucket:</source>
        <translation>存储桶：</translation>
    </message>
    <message>
        <source>Key prefix:</source>
        <translation>键前缀：</translation>
    </message>
    <message>
        <source>Key suffix:</source>
        <translation>键后缀：</translation>
    </message>
    <message>
        <source>Fires when:</source>
        <translation>触发时机：</translation>
    </message>
    <message>
        <source>Means:</source>
        <translation>含义：</translation>
    </message>
</context>
<context>
    <name>funcdesk::ObjectTransfer</name>
    <message>
        <source>Uploading %1</source>
        <translation>正在上传 %1</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>正在下载 %1</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1（%2 / %3）</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>funcdesk::ObjectTriggerForm</name>
    <message>
        <source>Choose a bucket.</source>
        <translation>请选择存储桶。</translation>
    </message>
    <message>
        <source>Choose at least one event.</source>
        <translation>请至少选择一个事件。</translation>
    </message>
</context>
<context>
    <name>funcdesk::OpenWhiskPlatform</name>
    <message>
        <source>A %1 name is required.</source>
        <translation>必须提供 %1 名称。</translation>
    </message>
    <message>
        <source>Cannot use the file %1: %2</source>
        <translation>无法使用文件 %1：%2</translation>
    </message>
    <message>
        <source>A route needs a base path, a path, a method and an action.</source>
        <translation>路由需要基础路径、路径、方法和动作。</translation>
    </message>
    <message>
        <source>A base path is required.</source>
        <translation>必须提供基础路径。</translation>
    </message>
</context>
<context>
    <name>funcdesk::OverviewPanel</name>
    <message>
        <source>Edit custom prices…</source>
        <translation>编辑自定义价格…</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>&amp;Price list:</source>
        <translation>价格表(&amp;P)：</translation>
    </message>
    <message>
        <source>Monthly &amp;budget:</source>
        <translation>每月预算(&amp;B)：</translation>
    </message>
    <message>
        <source>Top functions by cost</source>
        <translation>费用最高的函数</translation>
    </message>
    <message>
        <source>Top functions by invocations</source>
        <translation>调用次数最多的函数</translation>
    </message>
    <message>
        <source>&lt;b&gt;This month&lt;/b&gt;</source>
        <translation>&lt;b&gt;本月&lt;/b&gt;</translation>
    </message>
    <message>
        <source>This month&apos;s cost is projected at %1, over the budget of %2.</source>
        <translation>本月费用预计为 %1，超出预算 %2。</translation>
    </message>
    <message>
        <source>Costs are now priced with %1.</source>
        <translation>费用现按 %1 计价。</translation>
    </message>
    <message>
        <source>prices of %1</source>
        <translation>%1 的价格</translation>
    </message>
    <message>
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Custom prices saved.</source>
        <translation>自定义价格已保存。</translation>
    </message>
</context>
<context>
    <name>funcdesk::PackagePanel</name>
    <message>
        <source>&amp;Shared: other namespaces can bind this package and run its functions</source>
        <translation>共享(&amp;S)：其他命名空间可以绑定此包并运行其中的函数</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>应用(&amp;P)</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>还原(&amp;V)</translation>
    </message>
    <message>
        <source>Default parameters (its functions&apos; own parameters override them)</source>
        <translation>默认参数（函数自身的参数会覆盖它们）</translation>
    </message>
    <message>
        <source>Annotations:</source>
        <translation>注解：</translation>
    </message>
    <message>
        <source>Functions:</source>
        <translation>函数：</translation>
    </message>
    <message>
        <source>Loading package…</source>
        <translation>正在加载包…</translation>
    </message>
    <message>
        <source>Could not load %1: %2</source>
        <translation>无法加载 %1：%2</translation>
    </message>
    <message>
        <source>A package of this namespace.</source>
        <translation>此命名空间中的一个包。</translation>
    </message>
    <message>
        <source>A binding of %1: its functions run with the parameters below, which override those of %1.</source>
        <translation>%1 的绑定：其中的函数使用下面的参数运行，这些参数覆盖 %1 的参数。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>those of %1</source>
        <translation>与 %1 相同</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>正在应用…</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>未应用：%1</translation>
    </message>
    <message>
        <source>Applied to %1.</source>
        <translation>已应用到 %1。</translation>
    </message>
</context>
<context>
    <name>funcdesk::PackageTreeProxy</name>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Binding</source>
        <translation>绑定</translation>
    </message>
    <message>
        <source>Shared package</source>
        <translation>共享包</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>包</translation>
    </message>
    <message>
        <source>A binding of %1: its functions run with this binding&apos;s parameters.</source>
        <translation>%1 的绑定：其中的函数使用此绑定的参数运行。</translation>
    </message>
    <message>
        <source>Shared: other namespaces can bind this package and run its functions.</source>
        <translation>共享：其他命名空间可以绑定此包并运行其中的函数。</translation>
    </message>
</context>
<context>
    <name>funcdesk::ParameterEditor</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Value (JSON or text)</source>
        <translation>值（JSON 或文本）</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>机密</translation>
    </message>
    <message>
        <source>&amp;Add parameter</source>
        <translation>添加参数(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove parameter</source>
        <translation>删除参数(&amp;R)</translation>
    </message>
</context>
<context>
    <name>funcdesk::PayloadListModel</name>
    <message>
        <source>A payload needs a name.</source>
        <translation>负载必须有名称。</translation>
    </message>
    <message>
        <source>There is already a payload named “%1”.</source>
        <translation>已存在名为“%1”的负载。</translation>
    </message>
    <message>
        <source>Payload %1</source>
        <translation>负载 %1</translation>
    </message>
</context>
<context>
    <name>funcdesk::PayloadPane</name>
    <message>
        <source>Saved payloads</source>
        <translation>已保存的负载</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Save the editor&apos;s text as a new payload (Ctrl+N)</source>
        <translation>将编辑器中的文本保存为新负载（Ctrl+N）</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Rename the selected payload (F2)</source>
        <translation>重命名所选负载（F2）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected payload (Delete); it can be undone</source>
        <translation>删除所选负载（Delete）；可以撤销</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Add payloads from a JSON file</source>
        <translation>从 JSON 文件添加负载</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Write these payloads to a JSON file</source>
        <translation>将这些负载写入 JSON 文件</translation>
    </message>
    <message>
        <source>Payload (JSON object)</source>
        <translation>负载（JSON 对象）</translation>
    </message>
    <message>
        <source>{&quot;name&quot;: &quot;World&quot;}</source>
        <translation>{&quot;name&quot;: &quot;World&quot;}</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Restore the payload just deleted</source>
        <translation>恢复刚刚删除的负载</translation>
    </message>
    <message>
        <source>✔ Valid JSON object</source>
        <translation>✔ 有效的 JSON 对象</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>已删除“%1”。</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n payload(s).</source>
        <translation>
            <numerusform>已导入 %n 个负载。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n payload(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 个负载导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON 文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export payloads</source>
        <translation>导出负载</translation>
    </message>
    <message>
        <source>Import payloads</source>
        <translation>导入负载</translation>
    </message>
</context>
<context>
    <name>funcdesk::Platform</name>
    <message>
        <source>The feed %1 did not answer in time (activation %2).</source>
        <translation>订阅源 %1 未能及时响应（激活 %2）。</translation>
    </message>
    <message>
        <source>The feed %1 failed (activation %2).</source>
        <translation>订阅源 %1 失败（激活 %2）。</translation>
    </message>
    <message>
        <source>A feed name is required.</source>
        <translation>必须提供订阅源名称。</translation>
    </message>
</context>
<context>
    <name>funcdesk::PlatformProblemBar</name>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
</context>
<context>
    <name>funcdesk::PowerTuner</name>
    <message>
        <source>Power tuning is already running.</source>
        <translation>功率调优已在运行。</translation>
    </message>
    <message>
        <source>No platform connection.</source>
        <translation>没有平台连接。</translation>
    </message>
    <message>
        <source>No local executor is available.</source>
        <translation>没有可用的本地执行器。</translation>
    </message>
    <message>
        <source>Runs per setting must be between 1 and %1.</source>
        <translation>每个设置的运行次数必须介于 1 和 %1 之间。</translation>
    </message>
    <message>
        <source>Choose at least one memory size.</source>
        <translation>请至少选择一种内存大小。</translation>
    </message>
    <message>
        <source>At most %1 settings can be tuned at once.</source>
        <translation>一次最多只能调优 %1 个设置。</translation>
    </message>
    <message>
        <source>The payload is not valid. %1</source>
        <translation>负载无效。%1</translation>
    </message>
    <message>
        <source>The function has no code to run locally.</source>
        <translation>该函数没有可在本地运行的代码。</translation>
    </message>
    <message>
        <source>A local run is still in progress.</source>
        <translation>本地运行仍在进行中。</translation>
    </message>
    <message>
        <source>Activation %1 did not finish while the platform waited.</source>
        <translation>激活 %1 在平台等待期间未完成。</translation>
    </message>
    <message>
        <source>The run reported no duration.</source>
        <translation>本次运行未报告时长。</translation>
    </message>
    <message>
        <source>The run failed without a message.</source>
        <translation>运行失败，且没有错误消息。</translation>
    </message>
    <message>
        <source>Warm-up: %1</source>
        <translation>预热：%1</translation>
    </message>
    <message>
        <source>The function&apos;s original limits could not be restored: %1</source>
        <translation>无法恢复函数原来的限制：%1</translation>
    </message>
    <message>
        <source>Wait for power tuning to finish before applying a setting.</source>
        <translation>请等待功率调优完成后再应用设置。</translation>
    </message>
    <message>
        <source>No function to apply the setting to.</source>
        <translation>没有可应用该设置的函数。</translation>
    </message>
    <message>
        <source>The setting could not be applied: %1</source>
        <translation>无法应用该设置：%1</translation>
    </message>
</context>
<context>
    <name>funcdesk::PowerTuningChart</name>
    <message>
        <source>Average duration</source>
        <translation>平均时长</translation>
    </message>
    <message>
        <source>p95 duration</source>
        <translation>p95 时长</translation>
    </message>
    <message>
        <source>Cost per 1M invocations</source>
        <translation>每百万次调用费用</translation>
    </message>
    <message>
        <source>Duration (ms)</source>
        <translation>时长 (ms)</translation>
    </message>
    <message>
        <source>Cost per 1M invocations (%1)</source>
        <translation>每百万次调用费用（%1）</translation>
    </message>
</context>
<context>
    <name>funcdesk::PowerTuningDialog</name>
    <message>
        <source>Power tuning: %1</source>
        <translation>功率调优：%1</translation>
    </message>
    <message>
        <source>Applied: %1 now has %2 MB.</source>
        <translation>已应用：%1 现在使用 %2 MB。</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行次数</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误数</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>Cost / invocation</source>
        <translation>每次调用费用</translation>
    </message>
    <message>
        <source>Total cost</source>
        <translation>总费用</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%v of %m runs</source>
        <translation>已运行 %v / %m 次</translation>
    </message>
    <message>
        <source>Written here</source>
        <translation>在此编写</translation>
    </message>
    <message>
        <source>Payload:</source>
        <translation>负载：</translation>
    </message>
    <message>
        <source>Runs per setting:</source>
        <translation>每个设置的运行次数：</translation>
    </message>
    <message>
        <source>Memory sizes:</source>
        <translation>内存大小：</translation>
    </message>
    <message>
        <source>CPU (vCPU):</source>
        <translation>CPU (vCPU)：</translation>
    </message>
    <message>
        <source>Local executor (real limits, deployed code)</source>
        <translation>本地执行器（真实限制，已部署的代码）</translation>
    </message>
    <message>
        <source>Platform (limits changed during the runs, then restored)</source>
        <translation>平台（运行期间更改限制，之后恢复）</translation>
    </message>
    <message>
        <source>Run on:</source>
        <translation>运行于：</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Prices:</source>
        <translation>价格：</translation>
    </message>
    <message>
        <source>Each setting gets one warm-up run first that is not counted, so cold starts are excluded. Duration figures count successful runs only.</source>
        <translation>每个设置会先进行一次不计入结果的预热运行，以排除冷启动。时长数据仅统计成功的运行。</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>推荐</translation>
    </message>
    <message>
        <source>Balanced: the setting with the lowest product of cost and duration, each relative to the best measured (1.0 = cheapest and fastest at once). Settings with errors are never recommended.</source>
        <translation>均衡：费用与时长（各自相对于实测最佳值）乘积最小的设置（1.0 表示同时最便宜且最快）。出现错误的设置永远不会被推荐。</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>No platform connection.</source>
        <translation>没有平台连接。</translation>
    </message>
    <message>
        <source>The platform&apos;s limits are not known (%1); OpenWhisk&apos;s defaults apply.</source>
        <translation>平台的限制未知（%1）；将采用 OpenWhisk 的默认值。</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>Unchecked everywhere: the CPU follows memory, as the platform decides.</source>
        <translation>全部不勾选：CPU 随内存变化，由平台决定。</translation>
    </message>
    <message>
        <source>Tuning on the platform: the function&apos;s limits change during the runs.</source>
        <translation>正在平台上调优：运行期间函数的限制会发生变化。</translation>
    </message>
    <message>
        <source>Tuning on the local executor…</source>
        <translation>正在本地执行器上调优…</translation>
    </message>
    <message>
        <source>Cancelled. The function&apos;s original limits were put back.</source>
        <translation>已取消。函数原来的限制已恢复。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1: —</source>
        <translation>%1：—</translation>
    </message>
    <message>
        <source>%1: %2 (%3 ms, %4)</source>
        <translation>%1：%2（%3 ms，%4）</translation>
    </message>
    <message>
        <source>Cheapest</source>
        <translation>最便宜</translation>
    </message>
    <message>
        <source>Fastest</source>
        <translation>最快</translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation>均衡</translation>
    </message>
    <message>
        <source>No setting ran without errors: nothing to recommend. Point at a row for its errors.</source>
        <translation>没有任何设置在运行时未出错：无可推荐。将鼠标指向某一行可查看其错误。</translation>
    </message>
    <message>
        <source>Applying %1…</source>
        <translation>正在应用 %1…</translation>
    </message>
</context>
<context>
    <name>funcdesk::ProjectDeployment</name>
    <message>
        <source>Stopped: what was applied before stays applied.</source>
        <translation>已停止：之前已应用的更改保持不变。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 不是文件夹。</translation>
    </message>
    <message>
        <source>There is no manifest.yaml (or manifest.yml) in %1.</source>
        <translation>%1 中没有 manifest.yaml（或 manifest.yml）。</translation>
    </message>
    <message>
        <source>There is no connection to deploy to: choose one in the Connection menu.</source>
        <translation>没有可部署到的连接：请在“连接”菜单中选择一个。</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>连接已关闭。</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>已应用</translation>
    </message>
    <message>
        <source>left alone</source>
        <translation>未改动</translation>
    </message>
    <message>
        <source>not applied</source>
        <translation>未应用</translation>
    </message>
    <message>
        <source>%1 created, %2 changed, %3 unchanged</source>
        <translation>已创建 %1 个，已更改 %2 个，未更改 %3 个</translation>
    </message>
    <message>
        <source>Stopped: %1 of %2 entities applied.</source>
        <translation>已停止：已应用 %1 / %2 个实体。</translation>
    </message>
    <message>
        <source>%1 %2: </source>
        <translation>%1 %2：</translation>
    </message>
    <message>
        <source>Plan: %1. Nothing is applied until you click Deploy.</source>
        <translation>计划：%1。点击“部署”之前不会应用任何更改。</translation>
    </message>
    <message>
        <source>Nothing to deploy: the platform already matches the manifest (%1).</source>
        <translation>无需部署：平台已与清单一致（%1）。</translation>
    </message>
    <message>
        <source>Deployed: %1.</source>
        <translation>已部署：%1。</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>已更改</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>package</source>
        <translation>包</translation>
    </message>
    <message>
        <source>action</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>sequence</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>trigger</source>
        <translation>触发器</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>规则</translation>
    </message>
</context>
<context>
    <name>funcdesk::RangeBar</name>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>范围(&amp;R)：</translation>
    </message>
    <message>
        <source>The range ends before it starts.</source>
        <translation>范围的结束时间早于开始时间。</translation>
    </message>
</context>
<context>
    <name>funcdesk::RestTransport</name>
    <message>
        <source>the platform address is not a valid http:// or https:// URL</source>
        <translation>平台地址不是有效的 http:// 或 https:// URL</translation>
    </message>
    <message>
        <source>cannot read the CA certificate %1 (a PEM file is expected)</source>
        <translation>无法读取 CA 证书 %1（应为 PEM 文件）</translation>
    </message>
    <message>
        <source>this build has no TLS support</source>
        <translation>此版本不支持 TLS</translation>
    </message>
    <message>
        <source>the server&apos;s certificate (SHA-256 %1) is not the pinned one (%2)</source>
        <translation>服务器的证书（SHA-256 %1）不是已固定的证书（%2）</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not trusted (%1): trust the CA that signed it, or pin the certificate, in the connection&apos;s settings</source>
        <translation>服务器的证书不受信任（%1）：请在连接设置中信任为其签名的 CA，或固定该证书</translation>
    </message>
</context>
<context>
    <name>funcdesk::RouteEditor</name>
    <message>
        <source>/shop</source>
        <translation>/shop</translation>
    </message>
    <message>
        <source>/items/{id}</source>
        <translation>/items/{id}</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the URL to the clipboard</source>
        <translation>将 URL 复制到剪贴板</translation>
    </message>
    <message>
        <source>Base path:</source>
        <translation>基础路径：</translation>
    </message>
    <message>
        <source>Path:</source>
        <translation>路径：</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <source>Response type:</source>
        <translation>响应类型：</translation>
    </message>
    <message>
        <source>Full URL:</source>
        <translation>完整 URL：</translation>
    </message>
    <message>
        <source>Send test request</source>
        <translation>发送测试请求</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Content-Type: application/json</source>
        <translation>Content-Type: application/json</translation>
    </message>
    <message>
        <source>Request body (optional)</source>
        <translation>请求正文（可选）</translation>
    </message>
    <message>
        <source>The answer&apos;s headers and body appear here.</source>
        <translation>响应的标头和正文将显示在此处。</translation>
    </message>
    <message>
        <source>Request:</source>
        <translation>请求：</translation>
    </message>
    <message>
        <source>Headers:</source>
        <translation>标头：</translation>
    </message>
    <message>
        <source>Body:</source>
        <translation>正文：</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>响应：</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>%1 in %2 ms</source>
        <translation>%1，耗时 %2 ms</translation>
    </message>
</context>
<context>
    <name>funcdesk::RouteProber</name>
    <message>
        <source>A header line needs the form &apos;Name: value&apos;: %1</source>
        <translation>标头行必须采用 &apos;Name: value&apos; 的形式：%1</translation>
    </message>
    <message>
        <source>
[only the first %1 bytes are shown]</source>
        <translation>
[仅显示前 %1 字节]</translation>
    </message>
</context>
<context>
    <name>funcdesk::RouteTriggerForm</name>
    <message>
        <source>A base path is required, e.g. /shop.</source>
        <translation>必须提供基础路径，例如 /shop。</translation>
    </message>
    <message>
        <source>The base path may hold letters, digits and - _ . ~ only.</source>
        <translation>基础路径只能包含字母、数字及 - _ . ~。</translation>
    </message>
    <message>
        <source>The path may hold letters, digits, - _ . ~ and {parameters}.</source>
        <translation>路径只能包含字母、数字、- _ . ~ 及 {参数}。</translation>
    </message>
    <message>
        <source>Unknown method &apos;%1&apos;.</source>
        <translation>未知方法 &apos;%1&apos;。</translation>
    </message>
    <message>
        <source>A path with {parameters} needs the response type http (the function then gets the parameters).</source>
        <translation>含有 {参数} 的路径需要响应类型 http（函数随后会收到这些参数）。</translation>
    </message>
    <message>
        <source>Choose the function that answers.</source>
        <translation>请选择负责响应的函数。</translation>
    </message>
</context>
<context>
    <name>funcdesk::RunResultView</name>
    <message>
        <source>Duration:</source>
        <translation>时长：</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>启动：</translation>
    </message>
    <message>
        <source>Peak memory:</source>
        <translation>峰值内存：</translation>
    </message>
    <message>
        <source>CPU time:</source>
        <translation>CPU 时间：</translation>
    </message>
    <message>
        <source>Cost estimate:</source>
        <translation>费用估算：</translation>
    </message>
    <message>
        <source>Activation:</source>
        <translation>激活记录：</translation>
    </message>
    <message>
        <source>Enforcement:</source>
        <translation>限制执行：</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Not run yet</source>
        <translation>尚未运行</translation>
    </message>
    <message>
        <source>Logs (%1)</source>
        <translation>日志（%1）</translation>
    </message>
    <message>
        <source>/tmp used:</source>
        <translation>/tmp 已用：</translation>
    </message>
    <message>
        <source>Sandbox:</source>
        <translation>沙箱：</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>网络：</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Steps (%1)</source>
        <translation>步骤（%1）</translation>
    </message>
</context>
<context>
    <name>funcdesk::RunStepsView</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>%1 — stopped the chain</source>
        <translation>%1 — 链条就此停止</translation>
    </message>
    <message>
        <source>%1
Activation %2</source>
        <translation>%1
激活 %2</translation>
    </message>
</context>
<context>
    <name>funcdesk::SequenceComponentModel</name>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Add at least one component.</source>
        <translation>请至少添加一个组件。</translation>
    </message>
    <message>
        <source>A sequence has at most %1 components.</source>
        <translation>一个序列最多有 %1 个组件。</translation>
    </message>
</context>
<context>
    <name>funcdesk::SequenceEditor</name>
    <message>
        <source>Search, or type /namespace/package/action</source>
        <translation>搜索，或输入 /命名空间/包/动作</translation>
    </message>
    <message>
        <source>&amp;Add →</source>
        <translation>添加(&amp;A) →</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Earlier in the chain (Alt+Up)</source>
        <translation>在链条中前移（Alt+Up）</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>Later in the chain (Alt+Down)</source>
        <translation>在链条中后移（Alt+Down）</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <source>Take the component out of the sequence (Delete)</source>
        <translation>从序列中移除该组件（Delete）</translation>
    </message>
    <message>
        <source>A&amp;vailable actions:</source>
        <translation>可用的动作(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Components, in order (drag to reorder):</source>
        <translation>组件，按顺序（拖动可调整顺序）(&amp;C)：</translation>
    </message>
    <message>
        <source>Data flow:</source>
        <translation>数据流：</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>funcdesk::SyntaxCheck</name>
    <message numerus="yes">
        <source>the check took longer than %n second(s)</source>
        <translation>
            <numerusform>检查耗时超过 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>there is no syntax check for kind %1</source>
        <translation>类型 %1 没有语法检查</translation>
    </message>
    <message>
        <source>Node.js (node) was not found</source>
        <translation>未找到 Node.js（node）</translation>
    </message>
    <message>
        <source>a temporary file could not be written: %1</source>
        <translation>无法写入临时文件：%1</translation>
    </message>
    <message>
        <source>Python (python3) was not found</source>
        <translation>未找到 Python（python3）</translation>
    </message>
    <message>
        <source>%1 could not be started: %2</source>
        <translation>%1 无法启动：%2</translation>
    </message>
    <message>
        <source>the checker stopped unexpectedly</source>
        <translation>检查程序意外停止</translation>
    </message>
</context>
<context>
    <name>funcdesk::TestPanel</name>
    <message>
        <source>Run locally</source>
        <translation>本地运行</translation>
    </message>
    <message>
        <source>Run the editor&apos;s current code, saved or not, on the built-in executor</source>
        <translation>在内置执行器上运行编辑器中的当前代码（无论是否已保存）</translation>
    </message>
    <message>
        <source>Run on platform</source>
        <translation>在平台上运行</translation>
    </message>
    <message>
        <source>Invoke the deployed version on the platform</source>
        <translation>在平台上调用已部署的版本</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Run the payload locally and on the platform and compare the results</source>
        <translation>分别在本地和平台上以该负载运行，并比较结果</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop waiting for the run</source>
        <translation>停止等待运行结果</translation>
    </message>
    <message>
        <source>Local run</source>
        <translation>本地运行</translation>
    </message>
    <message>
        <source>Platform run</source>
        <translation>平台运行</translation>
    </message>
    <message>
        <source>Select a function to test it.</source>
        <translation>选择一个函数进行测试。</translation>
    </message>
    <message>
        <source>Test %1</source>
        <translation>测试 %1</translation>
    </message>
    <message>
        <source>Test %1 — deployed version %2 (%3) on %4</source>
        <translation>测试 %1 — 已部署版本 %2（%3），位于 %4</translation>
    </message>
    <message>
        <source>Local run — the editor&apos;s code</source>
        <translation>本地运行 — 编辑器中的代码</translation>
    </message>
    <message>
        <source>Platform run — the deployed version</source>
        <translation>平台运行 — 已部署的版本</translation>
    </message>
    <message>
        <source>%1: %2 in %3</source>
        <translation>%1：%2，耗时 %3</translation>
    </message>
    <message>
        <source>Local — the editor&apos;s code</source>
        <translation>本地 — 编辑器中的代码</translation>
    </message>
    <message>
        <source>Platform — the deployed version</source>
        <translation>平台 — 已部署的版本</translation>
    </message>
    <message>
        <source>Compared: locally %1, on the platform %2</source>
        <translation>比较结果：本地 %1，平台 %2</translation>
    </message>
    <message>
        <source>Fix the payload first: it must be a JSON object.</source>
        <translation>请先修正负载：它必须是 JSON 对象。</translation>
    </message>
</context>
<context>
    <name>funcdesk::TestRunner</name>
    <message>
        <source>The payload is not valid. %1</source>
        <translation>负载无效。%1</translation>
    </message>
    <message>
        <source>No local executor is available.</source>
        <translation>没有可用的本地执行器。</translation>
    </message>
    <message>
        <source>The function&apos;s runtime kind is not known.</source>
        <translation>函数的运行时类型未知。</translation>
    </message>
    <message>
        <source>Running locally…</source>
        <translation>正在本地运行…</translation>
    </message>
    <message>
        <source>No platform connection.</source>
        <translation>没有平台连接。</translation>
    </message>
    <message>
        <source>Waiting for the platform…</source>
        <translation>正在等待平台…</translation>
    </message>
    <message>
        <source>The platform stopped waiting; activation %1 is still running…</source>
        <translation>平台已停止等待；激活 %1 仍在运行…</translation>
    </message>
    <message>
        <source>Activation %1 did not finish in time. It may still appear in the activation list.</source>
        <translation>激活 %1 未能及时完成。它之后仍可能出现在激活记录列表中。</translation>
    </message>
    <message>
        <source>Reading the steps of the sequence…</source>
        <translation>正在读取序列的步骤…</translation>
    </message>
</context>
<context>
    <name>funcdesk::TimerEditor</name>
    <message>
        <source>Schedule (cron)</source>
        <translation>计划（cron）</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>间隔</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>一次</translation>
    </message>
    <message>
        <source>*/5 * * * *  (minute hour day month weekday; 6 fields: seconds first)</source>
        <translation>*/5 * * * *  （分 时 日 月 星期；6 个字段时秒在最前）</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>{&quot;source&quot;: &quot;timer&quot;}  (optional: what each fire passes to the function)</source>
        <translation>{&quot;source&quot;: &quot;timer&quot;}  （可选：每次触发时传给函数的内容）</translation>
    </message>
    <message>
        <source>Fires:</source>
        <translation>触发方式：</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>时区：</translation>
    </message>
    <message>
        <source>Means:</source>
        <translation>含义：</translation>
    </message>
    <message>
        <source>Next fires:</source>
        <translation>下次触发：</translation>
    </message>
    <message>
        <source>Payload:</source>
        <translation>负载：</translation>
    </message>
</context>
<context>
    <name>funcdesk::TimerTriggerForm</name>
    <message>
        <source>Unknown time zone &apos;%1&apos;.</source>
        <translation>未知时区 &apos;%1&apos;。</translation>
    </message>
    <message>
        <source>A cron schedule is required.</source>
        <translation>必须提供 cron 计划。</translation>
    </message>
    <message>
        <source>A date is required.</source>
        <translation>必须提供日期。</translation>
    </message>
    <message>
        <source>Payload: %1</source>
        <translation>负载：%1</translation>
    </message>
</context>
<context>
    <name>funcdesk::TriggerEditorDialog</name>
    <message>
        <source>New trigger</source>
        <translation>新建触发器</translation>
    </message>
    <message>
        <source>e.g. every-10-seconds</source>
        <translation>例如 every-10-seconds</translation>
    </message>
    <message>
        <source>(none: fire only)</source>
        <translation>（无：仅触发）</translation>
    </message>
    <message>
        <source>A manual trigger fires only when you fire it (Fire now) or a program posts to it through the REST API.</source>
        <translation>手动触发器仅在您触发它（立即触发）或程序通过 REST API 向其发送 POST 请求时触发。</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Runs function:</source>
        <translation>运行函数：</translation>
    </message>
    <message>
        <source>Edit trigger %1</source>
        <translation>编辑触发器 %1</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>A trigger name is required.</source>
        <translation>必须提供触发器名称。</translation>
    </message>
    <message>
        <source>Asking the platform…</source>
        <translation>正在询问平台…</translation>
    </message>
</context>
<context>
    <name>funcdesk::TriggerListModel</name>
    <message>
        <source>Feed unavailable: %1</source>
        <translation>订阅源不可用：%1</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>触发器</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Schedule or filter</source>
        <translation>计划或筛选条件</translation>
    </message>
    <message>
        <source>Last fired</source>
        <translation>上次触发</translation>
    </message>
    <message>
        <source>Fires (24 h)</source>
        <translation>触发次数（24 小时）</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行函数</translation>
    </message>
    <message>
        <source>%1 (paused)</source>
        <translation>%1（已暂停）</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>≥ %1</source>
        <translation>≥ %1</translation>
    </message>
    <message>
        <source>%1 (disabled)</source>
        <translation>%1（已禁用）</translation>
    </message>
</context>
<context>
    <name>funcdesk::TriggerOperations</name>
    <message>
        <source>No platform is connected.</source>
        <translation>未连接任何平台。</translation>
    </message>
    <message>
        <source>Another change is still running.</source>
        <translation>另一项更改仍在进行中。</translation>
    </message>
    <message>
        <source>Could not list the functions: %1</source>
        <translation>无法列出函数：%1</translation>
    </message>
    <message>
        <source>This platform does not store objects.</source>
        <translation>此平台不存储对象。</translation>
    </message>
    <message>
        <source>No buckets yet: type a name.</source>
        <translation>还没有存储桶：请输入名称。</translation>
    </message>
    <message>
        <source>Trigger %1 created.</source>
        <translation>已创建触发器 %1。</translation>
    </message>
    <message>
        <source>Trigger %1 was created, but the rule to %2 was not: %3</source>
        <translation>已创建触发器 %1，但未能创建到 %2 的规则：%3</translation>
    </message>
    <message>
        <source>%1 Every fire runs %2.</source>
        <translation>%1每次触发都会运行 %2。</translation>
    </message>
    <message>
        <source>Route %1 %2 created.</source>
        <translation>已创建路由 %1 %2。</translation>
    </message>
    <message>
        <source>Trigger %1 updated.</source>
        <translation>已更新触发器 %1。</translation>
    </message>
    <message>
        <source>Trigger %1 paused.</source>
        <translation>已暂停触发器 %1。</translation>
    </message>
    <message>
        <source>Trigger %1 resumed.</source>
        <translation>已恢复触发器 %1。</translation>
    </message>
    <message>
        <source>Payload: %1</source>
        <translation>负载：%1</translation>
    </message>
    <message>
        <source>Trigger %1 fired; no active rule ran a function.</source>
        <translation>触发器 %1 已触发；没有已启用的规则运行函数。</translation>
    </message>
    <message>
        <source>Trigger %1 fired (activation %2).</source>
        <translation>触发器 %1 已触发（激活 %2）。</translation>
    </message>
    <message>
        <source>Trigger %1 deleted.</source>
        <translation>已删除触发器 %1。</translation>
    </message>
    <message>
        <source>Route %1 %2 deleted.</source>
        <translation>已删除路由 %1 %2。</translation>
    </message>
    <message>
        <source>%1 The old route %2 %3 was not deleted: %4</source>
        <translation>%1 旧路由 %2 %3 未被删除：%4</translation>
    </message>
</context>
<context>
    <name>funcdesk::TriggersPanel</name>
    <message>
        <source>New trigger…</source>
        <translation>新建触发器…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Fire now…</source>
        <translation>立即触发…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>No triggers yet. A trigger runs a function by itself: on a schedule, when an object is stored, or on an HTTP request. Create one with New trigger (%1).</source>
        <translation>还没有触发器。触发器会自动运行函数：按计划运行、在存入对象时运行，或在收到 HTTP 请求时运行。用“新建触发器”（%1）创建一个。</translation>
    </message>
    <message>
        <source>Could not list the triggers: %1</source>
        <translation>无法列出触发器：%1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Fire %1</source>
        <translation>触发 %1</translation>
    </message>
    <message>
        <source>Payload (a JSON object; empty for none). Every active rule runs its function with it:</source>
        <translation>负载（JSON 对象；留空表示无负载）。每条已启用的规则都会以此负载运行其函数：</translation>
    </message>
    <message>
        <source>Delete route</source>
        <translation>删除路由</translation>
    </message>
    <message>
        <source>Delete the route %1?</source>
        <translation>要删除路由 %1 吗？</translation>
    </message>
    <message>
        <source>Delete the trigger %1?</source>
        <translation>要删除触发器 %1 吗？</translation>
    </message>
    <message numerus="yes">
        <source>Delete the trigger %1 and its %n rule(s)? The functions stay.</source>
        <translation>
            <numerusform>要删除触发器 %1 及其 %n 条规则吗？函数会保留。</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete trigger</source>
        <translation>删除触发器</translation>
    </message>
</context>
<context>
    <name>funcdesk::WiringConnectionItem</name>
    <message>
        <source>Rule %1 (active)</source>
        <translation>规则 %1（已启用）</translation>
    </message>
    <message>
        <source>Rule %1 (disabled)</source>
        <translation>规则 %1（已禁用）</translation>
    </message>
</context>
<context>
    <name>funcdesk::WiringPanel</name>
    <message>
        <source>Find a trigger or function</source>
        <translation>查找触发器或函数</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+wheel)</source>
        <translation>放大（Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+wheel)</source>
        <translation>缩小（Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Show the whole wiring</source>
        <translation>显示全部连线</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Load the wiring again</source>
        <translation>重新加载连线</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>删除规则</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>无匹配项</translation>
    </message>
    <message numerus="yes">
        <source>1 of %n</source>
        <translation>
            <numerusform>1 / %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n</source>
        <translation>
            <numerusform>%1 / %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Rule %1: %2 → %3 (active)</source>
        <translation>规则 %1：%2 → %3（已启用）</translation>
    </message>
    <message>
        <source>Rule %1: %2 → %3 (disabled)</source>
        <translation>规则 %1：%2 → %3（已禁用）</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>禁用</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Delete rule %1? The trigger and the function stay; the trigger stops running the function.</source>
        <translation>要删除规则 %1 吗？触发器和函数都会保留；该触发器将不再运行该函数。</translation>
    </message>
    <message>
        <source>Loading the wiring…</source>
        <translation>正在加载连线…</translation>
    </message>
    <message>
        <source>No triggers or functions yet.</source>
        <translation>还没有触发器或函数。</translation>
    </message>
    <message>
        <source>Drag from a trigger to a function to run the function when the trigger fires. Click a connection to enable, disable or delete it; double-click a box to open it.</source>
        <translation>从触发器拖动到函数，即可在触发器触发时运行该函数。单击连线可启用、禁用或删除它；双击方框可将其打开。</translation>
    </message>
</context>
<context>
    <name>funcdesk::WiringSnapshot</name>
    <message>
        <source>The connection went away.</source>
        <translation>连接已断开。</translation>
    </message>
    <message>
        <source>timer</source>
        <translation>定时器</translation>
    </message>
    <message>
        <source>object upload</source>
        <translation>对象上传</translation>
    </message>
    <message>
        <source>feed</source>
        <translation>订阅源</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 (%2, disabled)</source>
        <translation>%1（%2，已禁用）</translation>
    </message>
</context>
<context>
    <name>funcdesk::WiringView</name>
    <message>
        <source>Triggers</source>
        <translation>触发器</translation>
    </message>
    <message>
        <source>Functions</source>
        <translation>函数</translation>
    </message>
</context>
<context>
    <name>funcdesk::views</name>
    <message>
        <source>%1 belongs to another version of Funcdesk</source>
        <translation>%1 属于另一个版本的 Funcdesk</translation>
    </message>
    <message>
        <source>Charts and the code editor are not available: %1 could not be loaded (%2).</source>
        <translation>图表和代码编辑器不可用：无法加载 %1（%2）。</translation>
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
        <source>--param expects KEY=VALUE, got &apos;%1&apos;</source>
        <translation>--param 需要 KEY=VALUE 形式，但得到的是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>funcdeskd: unknown command &apos;%1&apos;</source>
        <translation>funcdeskd：未知命令 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Usage: funcdeskd &lt;command&gt; [options]

Commands:
  deploy DIR    deploy a wskdeploy manifest.yaml: packages, actions, sequences, triggers, rules
  invoke FILE   run a function on the local executor and print its activation records
  serve         run the local platform behind the OpenWhisk REST API

Run &apos;funcdeskd &lt;command&gt; --help&apos; for a command&apos;s options.</source>
        <translation>用法：funcdeskd &lt;命令&gt; [选项]

命令：
  deploy DIR    部署 wskdeploy manifest.yaml：包、动作、序列、触发器、规则
  invoke FILE   在本地执行器上运行函数并输出其激活记录
  serve         运行本地平台，并通过 OpenWhisk REST API 对外提供

运行 &apos;funcdeskd &lt;命令&gt; --help&apos; 查看某个命令的选项。</translation>
    </message>
    <message>
        <source>Options:
  -h, --help     print this help
  -v, --version  print the version</source>
        <translation>选项：
  -h, --help     显示此帮助
  -v, --version  显示版本号</translation>
    </message>
</context>
</TS>
