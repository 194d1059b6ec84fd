"""One table per compiler rule: a small notes snippet and exactly the cards it must give."""

from __future__ import annotations

import pytest

from app.core.notes import compile_notes


def cards(notes: str) -> list[tuple[str, str]]:
    return [(card.question, card.answer) for card in compile_notes(notes, deck="Docker")]


RULES = {
    "item with nested lines asks for them": (
        "## Dockerfile配置指令\n\tcopy\n\t\tCOPY [--chown=<user>:<group>] <源路径>... <目标路径>\n",
        [
            (
                "Dockerfile配置指令 › `copy` 怎么用？",
                "```dockerfile\nCOPY [--chown=<user>:<group>] <源路径>... <目标路径>\n```",
            )
        ],
    ),
    "nested prose and commands become a list and a code block": (
        "## 基础操作\n\t删除镜像\n\t\t结合docker image ls 删除\n"
        "\t\tdocker image rm $(docker image ls -q redis)\n",
        [
            (
                "基础操作 › 删除镜像：要点是什么？",
                "- 结合`docker image ls` 删除\n\n"
                "```sh\ndocker image rm $(docker image ls -q redis)\n```",
            )
        ],
    ),
    "name and explanation ask both ways": (
        "## Dockerfile配置指令\n\tuser 指定当前用户\n",
        [
            ("Dockerfile配置指令 › `user` 的作用是什么？", "指定当前用户"),
            ("Dockerfile配置指令 › 指定当前用户：是哪个指令？", "`user`"),
        ],
    ),
    "name with syntax asks how to use it, never giving the name away": (
        "## Dockerfile配置指令\n\targ 参数名[=<参数值>] --build-arg <参数名>=<参数值> "
        "1.13之前必须在dockerfile中先定义好\n\tworkdir <工作目录路径>，不存在会自动创建\n",
        [
            (
                "Dockerfile配置指令 › `arg` 怎么用？",
                "`arg 参数名[=<参数值>] --build-arg <参数名>=<参数值>` "
                "1.13之前必须在dockerfile中先定义好",
            ),
            (
                "Dockerfile配置指令 › `workdir` 怎么用？",
                "`workdir <工作目录路径>`，不存在会自动创建",
            ),
        ],
    ),
    "a Chinese word straight before Chinese punctuation is prose, not a placeholder": (
        "## 分支\n\tbranch 查看、创建、删除分支\n\trebase 变基，把提交移到另一个基点之上\n"
        "\tstop 容器名 停止容器\n",
        [
            ("分支 › `branch` 的作用是什么？", "查看、创建、删除分支"),
            ("分支 › 查看、创建、删除分支：是哪个？", "`branch`"),
            # Lone words may name things as well as commands: their list is of 项.
            ("分支 › 有哪 3 项？", "- `branch`\n- `rebase`\n- `stop`"),
            ("分支 › `rebase` 的作用是什么？", "变基，把提交移到另一个基点之上"),
            ("分支 › 变基，把提交移到另一个基点之上：是哪个？", "`rebase`"),
            # Before a space, a short Chinese word is still a placeholder.
            ("分支 › `stop` 怎么用？", "`stop 容器名` 停止容器"),
            ("分支 › 停止容器：是哪个？", "`stop`"),
        ],
    ),
    "a Chinese word alone after a name is its meaning": (
        "## rebase\n\tpick 保留\n\tdrop 删除提交\n",
        [
            ("rebase › `pick` 的作用是什么？", "保留"),
            ("rebase › 保留：是哪个？", "`pick`"),
            ("rebase › `drop` 的作用是什么？", "删除提交"),
            ("rebase › 删除提交：是哪个？", "`drop`"),
        ],
    ),
    "a version number at the start of a line is not a step number": (
        "## dict\n\t3.7以后dict保持插入顺序\n\t5.5以后默认InnoDB\n",
        [("dict：要点是什么？", "- 3.7以后dict保持插入顺序\n- 5.5以后默认InnoDB")],
    ),
    "numbered lines under an item are asked for in order": (
        "## 查询\n\tselect执行顺序\n\t\t1.from\n\t\t2.where\n\t\t3.group by\n"
        "\t解决步骤：\n\t\t1.手动修改冲突文件\n\t\t2.git add 标记为已解决\n",
        [
            ("查询 › select执行顺序依次是？", "1. `from`\n2. `where`\n3. group by"),
            ("查询 › 解决步骤依次是？", "1. 手动修改冲突文件\n2. `git add` 标记为已解决"),
        ],
    ),
    "short terms under an item are asked for as a set": (
        "## 索引\n\t索引类型\n\t\t主键索引\n\t\t唯一索引\n\t\t普通索引\n",
        [("索引 › 索引类型有哪些？", "- 主键索引\n- 唯一索引\n- 普通索引")],
    ),
    "a list of methods or of named things is not a list of commands": (
        "## dict常用方法\n\td.get(key, default)  # 取值\n\td.update(other)  # 合并\n"
        "\tdel d[key]  # 删除\n"
        "## 存储和配置\n\tConfigMap 存配置，明文\n\tSecret 存密码之类的\n\tPV 持久卷，管理员创建\n",
        [
            ("dict常用方法 › `d.get(key, default)` 的作用是什么？", "取值"),
            ("dict常用方法 › 取值：用哪个方法？", "`d.get(key, default)`"),
            (
                "dict常用方法 › 有哪 3 个方法？",
                "- `d.get(key, default)` — 取值\n- `d.update(other)` — 合并\n- `del d[key]` — 删除",
            ),
            ("dict常用方法 › `d.update(other)` 的作用是什么？", "合并"),
            ("dict常用方法 › 合并：用哪个方法？", "`d.update(other)`"),
            ("dict常用方法 › `del d[key]` 的作用是什么？", "删除"),
            ("dict常用方法 › 删除：用哪个方法？", "`del d[key]`"),
            ("存储和配置 › `ConfigMap` 是什么？", "存配置，明文"),
            ("存储和配置 › 存配置，明文：是哪个？", "`ConfigMap`"),
            ("存储和配置 › 有哪 3 项？", "- `ConfigMap`\n- `Secret`\n- `PV`"),
            ("存储和配置 › `Secret` 是什么？", "存密码之类的"),
            ("存储和配置 › 存密码之类的：是哪个？", "`Secret`"),
            ("存储和配置 › `PV` 是什么？", "持久卷，管理员创建"),
            ("存储和配置 › 持久卷，管理员创建：是哪个？", "`PV`"),
        ],
    ),
    "names with meanings under a heading-like item get cards of their own": (
        "## Service\n\tservice的类型\n\t\tClusterIP 默认，只能集群内部访问\n"
        "\t\tNodePort 在每个node上开一个端口\n",
        [
            (
                "Service › service的类型有哪些？",
                "- `ClusterIP` 默认，只能集群内部访问\n- `NodePort` 在每个node上开一个端口",
            ),
            ("Service › service的类型 › `ClusterIP` 是什么？", "默认，只能集群内部访问"),
            ("Service › service的类型 › 默认，只能集群内部访问：是哪个？", "`ClusterIP`"),
            ("Service › service的类型 › `NodePort` 是什么？", "在每个node上开一个端口"),
            ("Service › service的类型 › 在每个node上开一个端口：是哪个？", "`NodePort`"),
        ],
    ),
    "numbered commands with explanations are asked about one by one too": (
        "## 进程管理\n\t1.ps aux 查看所有进程\n\t2.kill -9 pid 强制杀死\n",
        [
            ("进程管理 › `ps aux` 的作用是什么？", "查看所有进程"),
            ("进程管理 › 查看所有进程：用哪个命令？", "`ps aux`"),
            (
                "进程管理 › 依次有哪 2 个命令？",
                "1. `ps aux` 查看所有进程\n2. `kill -9 pid` 强制杀死",
            ),
            ("进程管理 › `kill -9 pid` 的作用是什么？", "强制杀死"),
            ("进程管理 › 强制杀死：用哪个命令？", "`kill -9 pid`"),
        ],
    ),
    "a bare command among commands with meanings joins their list": (
        "## stash\n\tgit stash  # 临时保存修改\n\tgit stash list\n\tgit stash pop  # 恢复并删除\n",
        [
            ("stash › `git stash` 的作用是什么？", "临时保存修改"),
            ("stash › 临时保存修改：用哪个命令？", "`git stash`"),
            (
                "stash › 有哪 3 个命令？",
                "- `git stash` — 临时保存修改\n- `git stash list`\n- `git stash pop` — 恢复并删除",
            ),
            ("stash › `git stash pop` 的作用是什么？", "恢复并删除"),
            ("stash › 恢复并删除：用哪个命令？", "`git stash pop`"),
        ],
    ),
    "a path before a full-width colon is a key": (
        "## 用户\n\t/etc/passwd：用户信息\n\t/etc/shadow：密码\n",
        [("用户 › /etc/passwd：？", "用户信息"), ("用户 › /etc/shadow：？", "密码")],
    ),
    "calls and indexes are code; a list of them is not a list of commands": (
        "## 列表操作\n\t切片 lst[start:end:step]\n\t列表是可变的有序序列，元素可以重复\n"
        "## list常用方法\n\tappend 在末尾添加\n\tinsert(i, x) 在位置i插入\n"
        "\tpop 删除并返回最后一个\n"
        '## 类型转换\n\tint("12")\n\tstr(12)\n\tfloat("1.5")\n',
        [
            ("列表操作 › 切片：？", "`lst[start:end:step]`"),
            ("列表操作：要点是什么？", "列表是可变的有序序列，元素可以重复"),
            ("list常用方法 › `append` 的作用是什么？", "在末尾添加"),
            ("list常用方法 › 在末尾添加：用哪个方法？", "`append`"),
            ("list常用方法 › 有哪 3 个方法？", "- `append`\n- `insert(i, x)`\n- `pop`"),
            ("list常用方法 › `insert(i, x)` 的作用是什么？", "在位置i插入"),
            ("list常用方法 › 在位置i插入：用哪个方法？", "`insert(i, x)`"),
            ("list常用方法 › `pop` 的作用是什么？", "删除并返回最后一个"),
            ("list常用方法 › 删除并返回最后一个：用哪个方法？", "`pop`"),
            ("类型转换 › 有哪 3 项？", '- `int("12")`\n- `str(12)`\n- `float("1.5")`'),
        ],
    ),
    "code left over in a section asks how": (
        "## 表操作\n> 建表\n```sql\ncreate table t (id int);\n```\n",
        [("表操作 › 建表：怎么做？", "```sql\ncreate table t (id int);\n```")],
    ),
    "steps share an English word only when all have it, as a whole word": (
        "## 虚拟环境\n\t1.创建 python -m venv venv\n\t2.激活 source venv/bin/activate\n"
        "\t3.退出 deactivate\n\t虚拟环境可以隔离不同项目的依赖\n",
        [
            (
                "虚拟环境 › 依次有哪 3 项？",
                "1. 创建 `python -m venv venv`\n2. 激活 source venv/bin/activate\n"
                "3. 退出 deactivate\n\n虚拟环境可以隔离不同项目的依赖",
            )
        ],
    ),
    "SQL statements are code, listed whole, and share no subject": (
        "## 增删改查\n\tinsert into user(name, age) values('tom', 18);\n"
        "\tupdate user set age = 20 where id = 1;\n\tselect * from user where age > 18;\n"
        "\t注意：更新和删除一定要加上条件，否则会改动整张表里面的全部数据行\n",
        [
            (
                "增删改查 › 有哪 3 项？",
                "- `insert into user(name, age) values('tom', 18);`\n"
                "- `update user set age = 20 where id = 1;`\n"
                "- `select * from user where age > 18;`",
            ),
            ("增删改查 › 注意：？", "更新和删除一定要加上条件，否则会改动整张表里面的全部数据行"),
        ],
    ),
    "a status code or a short Chinese term before its explanation is asked for": (
        "## JVM内存区域\n\t堆 存放对象实例，GC主要区域\n\t方法区 存类信息、常量、静态变量\n"
        "> HTTP状态码\n\t4xx 客户端错误\n\t\t404 资源不存在\n",
        [
            ("JVM内存区域 › 堆：？", "存放对象实例，GC主要区域"),
            ("JVM内存区域 › 方法区：？", "存类信息、常量、静态变量"),
            ("JVM内存区域 › HTTP状态码 › 4xx：？", "客户端错误\n\n404 资源不存在"),
            ("JVM内存区域 › HTTP状态码 › 4xx › 404：？", "资源不存在"),
        ],
    ),
    "annotations, capitalised names and signs are names too": (
        "## Spring注解\n\t@Autowired 按类型注入\n## 集合\n\tList 有序可重复\n"
        "## location匹配规则\n\t= 精确匹配\n",
        [
            ("Spring注解 › `@Autowired` 的作用是什么？", "按类型注入"),
            ("Spring注解 › 按类型注入：用哪个注解？", "`@Autowired`"),
            ("集合 › `List` 是什么？", "有序可重复"),
            ("集合 › 有序可重复：是哪个？", "`List`"),
            ("location匹配规则 › `=` 的作用是什么？", "精确匹配"),
            ("location匹配规则 › 精确匹配：是哪个？", "`=`"),
        ],
    ),
    "reverse cards ask by the nearest heading's noun, and not for a warning": (
        "## Vue指令\n> 生命周期\n\tcreated 实例创建完成，可以访问data\n"
        "> 常用参数\n\t-Xms512m\t# 初始堆大小\n"
        "## HashMap\n\tmap.put(k, v)  # 添加\n\tkeys *  # 生产环境禁用！\n",
        [
            ("Vue指令 › 生命周期 › `created` 的作用是什么？", "实例创建完成，可以访问data"),
            ("Vue指令 › 生命周期 › 实例创建完成，可以访问data：是哪个？", "`created`"),
            ("Vue指令 › 常用参数 › `-Xms512m` 的作用是什么？", "初始堆大小"),
            ("Vue指令 › 常用参数 › 初始堆大小：用哪个参数？", "`-Xms512m`"),
            ("HashMap › `map.put(k, v)` 的作用是什么？", "添加"),
            ("HashMap › 添加：用哪个方法？", "`map.put(k, v)`"),
            ("HashMap › `keys *` 的作用是什么？", "生产环境禁用！"),
        ],
    ),
    "steps are named after a word only where it ends their first phrase": (
        "> TCP三次握手\n\t1.客户端发送SYN，进入SYN_SENT\n\t2.服务端回复SYN+ACK，进入SYN_RCVD\n"
        "\t3.客户端发送ACK，双方进入ESTABLISHED\n",
        [
            (
                "TCP三次握手 › 依次有哪 3 项？",
                "1. 客户端发送SYN，进入SYN\\_SENT\n2. 服务端回复SYN+ACK，进入SYN\\_RCVD\n"
                "3. 客户端发送ACK，双方进入ESTABLISHED",
            )
        ],
    ),
    "a step number before digits, and long paths as keys": (
        "> https配置\n\t1.申请证书\n\t2.配置证书和私钥的路径\n\t3.80端口转到https\n"
        "> 目录\n\t/var/log/nginx/access.log：访问日志\n",
        [
            (
                "https配置 › 依次有哪 3 项？",
                "1. 申请证书\n2. 配置证书和私钥的路径\n3. 80端口转到https",
            ),
            ("目录 › /var/log/nginx/access.log：？", "访问日志"),
        ],
    ),
    "a heading that compares is one question": (
        "## 集合\n> ArrayList和LinkedList的区别\n\tArrayList 数组，查询快，增删慢\n"
        "\tLinkedList 双向链表，增删快，查询慢\n",
        [
            (
                "集合 › ArrayList和LinkedList的区别是什么？",
                "- `ArrayList` 数组，查询快，增删慢\n- `LinkedList` 双向链表，增删快，查询慢",
            )
        ],
    ),
    "a bare command after commands with meanings joins their list": (
        "## 常用命令\n\tset key value\t# 设置值\n\tget key\t\t# 取值\n"
        "\tttl key\t\t# 查看剩余过期时间\n\tdel key\n",
        [
            ("常用命令 › `set key value` 的作用是什么？", "设置值"),
            ("常用命令 › 设置值：用哪个命令？", "`set key value`"),
            (
                "常用命令 › 有哪 4 个命令？",
                "- `set key value` — 设置值\n- `get key` — 取值\n"
                "- `ttl key` — 查看剩余过期时间\n- `del key`",
            ),
            ("常用命令 › `get key` 的作用是什么？", "取值"),
            ("常用命令 › 取值：用哪个命令？", "`get key`"),
            ("常用命令 › `ttl key` 的作用是什么？", "查看剩余过期时间"),
            ("常用命令 › 查看剩余过期时间：用哪个命令？", "`ttl key`"),
        ],
    ),
    "a capitalised name takes no placeholder: all after it is its explanation": (
        "## 数据库\n\tRedis 单线程 基于内存的kv数据库\n\tstop 容器名 停止容器\n",
        [
            ("数据库 › `Redis` 是什么？", "单线程 基于内存的kv数据库"),
            ("数据库 › 单线程 基于内存的kv数据库：是哪个？", "`Redis`"),
            ("数据库 › `stop` 怎么用？", "`stop 容器名` 停止容器"),
            ("数据库 › 停止容器：是哪个？", "`stop`"),
        ],
    ),
    "an item over options asks which there are, and each option on its own": (
        "## 负载均衡\n\t负载均衡策略\n\t\t轮询 默认\n\t\tweight 权重\n",
        [
            ("负载均衡 › 负载均衡策略有哪些？", "- 轮询 默认\n- `weight` 权重"),
            ("负载均衡 › 负载均衡策略 › 轮询：？", "默认"),
            ("负载均衡 › 负载均衡策略 › `weight` 的作用是什么？", "权重"),
            ("负载均衡 › 负载均衡策略 › 权重：是哪个？", "`weight`"),
        ],
    ),
    "a code block after steps is an example of its own, not part of the list": (
        "## 快速排序\n\t1.选一个基准pivot\n\t2.对左右两部分递归\n\t优化：随机选基准\n"
        "```java\nint p = partition(a);\n```\n",
        [
            ("快速排序 › 依次有哪 2 项？", "1. 选一个基准pivot\n2. 对左右两部分递归"),
            ("快速排序 › 优化：？", "随机选基准"),
            ("快速排序：怎么做？", "```java\nint p = partition(a);\n```"),
        ],
    ),
    "a heading that asks is one question, and a comparison keeps its own questions": (
        "## Kafka\n> 为什么kafka这么快？\n\t顺序写磁盘\n\t页缓存 page cache\n\t零拷贝 sendfile\n"
        "> slice和array的区别\n\tarray 长度固定，是值类型\n\tslice 引用底层数组\n"
        "\tslice扩容后原slice会变吗？\n\t\t不会\n",
        [
            ("Kafka › 为什么kafka这么快？", "- 顺序写磁盘\n- 页缓存 page cache\n- 零拷贝 sendfile"),
            (
                "Kafka › slice和array的区别是什么？",
                "- `array` 长度固定，是值类型\n- `slice` 引用底层数组",
            ),
            ("Kafka › slice和array的区别 › slice扩容后原slice会变吗？", "不会"),
        ],
    ),
    "lone names and concepts are asked for as which one; known commands as which command": (
        "## 基本概念\n\tpartition 一个topic分成多个分区\n\tconsumer group 消费者组\n"
        "\tsync.Mutex 互斥锁\n## 进程\n\tps aux 查看所有进程\n",
        [
            ("基本概念 › `partition` 的作用是什么？", "一个topic分成多个分区"),
            ("基本概念 › 一个topic分成多个分区：是哪个？", "`partition`"),
            ("基本概念 › 有哪 3 项？", "- `partition`\n- `consumer group`\n- `sync.Mutex`"),
            ("基本概念 › `consumer group` 的作用是什么？", "消费者组"),
            ("基本概念 › 消费者组：是哪个？", "`consumer group`"),
            ("基本概念 › `sync.Mutex` 的作用是什么？", "互斥锁"),
            ("基本概念 › 互斥锁：是哪个？", "`sync.Mutex`"),
            ("进程 › `ps aux` 的作用是什么？", "查看所有进程"),
            ("进程 › 查看所有进程：用哪个命令？", "`ps aux`"),
        ],
    ),
    "a Chinese label before code with Chinese in it": (
        "> 复杂度\n\t归并排序 O(nlogn) 稳定，空间O(n)\n",
        [("复杂度 › 归并排序：？", "O(nlogn) 稳定，空间O(n)")],
    ),
    "A vs B asks for the difference; key：value facts under an item are not options": (
        "## 权限\n\tsudo vs su\n\t\tsudo 用自己的密码以root执行一条命令\n\t\tsu 切换到另一个用户\n"
        "## 消息\n\t1.生产者丢消息\n\t\trabbitmq：开启confirm机制\n\t\tkafka：acks设为all\n",
        [
            (
                "权限 › `sudo`和`su`的区别是什么？",
                "- `sudo` 用自己的密码以root执行一条命令\n- `su` 切换到另一个用户",
            ),
            (
                "消息 › 生产者丢消息：要点是什么？",
                "- rabbitmq：开启confirm机制\n- kafka：acks设为all",
            ),
            ("消息 › 生产者丢消息 › rabbitmq：？", "开启confirm机制"),
            ("消息 › 生产者丢消息 › kafka：？", "acks设为all"),
        ],
    ),
    "code written with indentation instead of a fence is one code block": (
        "## dict常用方法\n\t遍历\n\t\tfor k, v in d.items():\n\t\t\tprint(k, v)\n"
        "## 反向代理\n\t配置\n\t\tserver {\n\t\t\tlisten 80;\n\t\t\tlocation / {\n"
        "\t\t\t\tproxy_pass http://backend;\n\t\t\t}\n\t\t}\n",
        [
            (
                "dict常用方法 › 遍历：怎么做？",
                "```python\nfor k, v in d.items():\n    print(k, v)\n```",
            ),
            (
                "反向代理 › 配置：怎么做？",
                "```\nserver {\n    listen 80;\n    location / {\n"
                "        proxy_pass http://backend;\n    }\n}\n```",
            ),
        ],
    ),
    "a capitalised name is asked what it is": (
        "## TCP状态\n\tCLOSE_WAIT 被动关闭方等待应用关闭连接\n",
        [
            ("TCP状态 › `CLOSE_WAIT` 是什么？", "被动关闭方等待应用关闭连接"),
            ("TCP状态 › 被动关闭方等待应用关闭连接：是哪个？", "`CLOSE_WAIT`"),
        ],
    ),
    "a formula defines its left side; a chain is read as written": (
        "## 性能\n\tCPU执行时间 = 指令数 × CPI × 时钟周期\n\t命中率 = 命中次数 / 访问次数\n"
        "## 存储层次\n\t寄存器 -> cache -> 主存 -> 磁盘\n",
        [
            ("性能 › CPU执行时间：？", "指令数 × CPI × 时钟周期"),
            ("性能 › 命中率：？", "命中次数 / 访问次数"),
            ("存储层次：要点是什么？", "寄存器 -&gt; cache -&gt; 主存 -&gt; 磁盘"),
        ],
    ),
    "only a lower-case name under a heading about 指令 is asked for as an instruction": (
        "## 指令集\n\tMIPS 精简指令集的代表\n",
        [
            ("指令集 › `MIPS` 是什么？", "精简指令集的代表"),
            ("指令集 › 精简指令集的代表：是哪个？", "`MIPS`"),
        ],
    ),
    "addresses and dotted versions at the start of a line are not step numbers": (
        "## 地址\n\t169.254.x.x 自动分配失败时的地址\n\t10.x.x.x 私有地址\n\t1.2.3 固定版本\n",
        [
            (
                "地址：要点是什么？",
                "- 169.254.x.x 自动分配失败时的地址\n- 10.x.x.x 私有地址\n- 1.2.3 固定版本",
            )
        ],
    ),
    "a name and a number, as ports are noted, ask for the number": (
        "## 常见协议和端口\n\tHTTP 80\n\tSSH 22\n\tMySQL 3306\n",
        [
            ("常见协议和端口 › HTTP：？", "80"),
            ("常见协议和端口 › SSH：？", "22"),
            ("常见协议和端口 › MySQL：？", "3306"),
        ],
    ),
    "a comparison with a sibling gives no reverse card": (
        "## Dockerfile配置指令\n\trun\n\tentrypoint 格式命令与run一样，分为exec和shell格式\n",
        [
            ("Dockerfile配置指令 › 有哪 2 个指令？", "- `run`\n- `entrypoint`"),
            (
                "Dockerfile配置指令 › `entrypoint` 的作用是什么？",
                "格式命令与run一样，分为exec和shell格式",
            ),
        ],
    ),
    "command then Chinese explanation": (
        "> 进入容器\n\tdocker run -d 会在后台运行容器\n",
        [
            ("进入容器 › `docker run -d` 的作用是什么？", "会在后台运行容器"),
            ("进入容器 › 会在后台运行容器：用哪个命令？", "`docker run -d`"),
        ],
    ),
    "key：value and key: value ask for the value": (
        "## 基础操作\n\t区分镜像：id和摘要\n\tNote: ports are TCP\n\tshell格式：cmd 命令\n",
        [
            ("基础操作 › 区分镜像：？", "id和摘要"),
            ("基础操作 › Note：？", "ports are TCP"),
            ("基础操作 › shell格式：？", "`cmd 命令`"),
        ],
    ),
    "a colon inside a command is not a key": (
        "> 后台运行\n\tdocker run -v mydata:/data xxxx\n",
        [("后台运行：用哪个命令？", "`docker run -v mydata:/data xxxx`")],
    ),
    "# and ## comments give a card each way": (
        "> 容器启动\n\tdocker run \t\t\t\t# 新建并启动\n\tdocker container ls -a  \t## 容器列表\n",
        [
            ("容器启动 › `docker run` 的作用是什么？", "新建并启动"),
            ("容器启动 › 新建并启动：用哪个命令？", "`docker run`"),
            ("容器启动 › `docker container ls -a` 的作用是什么？", "容器列表"),
            ("容器启动 › 容器列表：用哪个命令？", "`docker container ls -a`"),
        ],
    ),
    "a comment that repeats the command gives no reverse card": (
        "> 容器\n\tdocker ps  # docker ps 列出容器\n",
        [("容器 › `docker ps` 的作用是什么？", "`docker ps` 列出容器")],
    ),
    "a commented command with nested lines also asks how to use it": (
        "> 导入和导出容器\n\tdocker export # 将容器导出为本地文件\n"
        "\t\tdocker container ls -a\n\t\tdocker export 容器id > ubuntu.tar\n",
        [
            ("导入和导出容器 › `docker export` 的作用是什么？", "将容器导出为本地文件"),
            ("导入和导出容器 › 将容器导出为本地文件：用哪个命令？", "`docker export`"),
            (
                "导入和导出容器 › `docker export` 怎么用？",
                "```sh\ndocker container ls -a\ndocker export 容器id > ubuntu.tar\n```",
            ),
        ],
    ),
    "a line ending in ？ is answered by what is under it": (
        "## 镜像的实现原理\n\t如何实现增量的修改和维护？\n"
        "\t\t使用Union FS将不同层结合到一个镜像中\n",
        [("镜像的实现原理 › 如何实现增量的修改和维护？", "使用Union FS将不同层结合到一个镜像中")],
    ),
    "an ASCII question mark works too": (
        "# Git\n\tWhy rebase?\n\t\tA linear history\n",
        [("Git › Why rebase?", "A linear history")],
    ),
    "numbered steps give one list card, in order": (
        "## 基础操作\n\t1.拉取镜像\n\n\t2.运行镜像\n\t3.列出镜像\n",
        [("基础操作 › 镜像的 3 个操作依次是？", "1. 拉取镜像\n2. 运行镜像\n3. 列出镜像")],
    ),
    "a run of sibling items gives one list card": (
        "> 终止容器\n\tdocker container stop\n\texit\n\tctrl+D\n",
        [("终止容器 › 有哪 3 个命令？", "- `docker container stop`\n- `exit`\n- `ctrl+D`")],
    ),
    "a remark after a list is kept with it": (
        "> 其他方式制作镜像\n\tdocker import\n\tdocker save\n\tdocker load\n"
        "\t这些都是旧的，如无必要，使用新的即可\n",
        [
            (
                "其他方式制作镜像 › 有哪 3 个命令？",
                "- `docker import`\n- `docker save`\n- `docker load`\n\n"
                "这些都是旧的，如无必要，使用新的即可",
            )
        ],
    ),
    "a label followed by code asks for the code": (
        "> 多阶段构建\n\t从其他镜像复制文件 copy --from=imageName file target_file\n",
        [("多阶段构建 › 从其他镜像复制文件：？", "`copy --from=imageName file target_file`")],
    ),
    "prose left in a section becomes its summary card": (
        "## 操作docker容器\n\t容器是独立运行的一个或一组应用。\n"
        "\t虚拟机是模拟运行的一整套操作系统\n",
        [
            (
                "操作docker容器：要点是什么？",
                "- 容器是独立运行的一个或一组应用。\n- 虚拟机是模拟运行的一整套操作系统",
            )
        ],
    ),
    "a sub-section holding one command asks for it": (
        "## 操作docker容器\n> 清理所有处于中止状态的容器\n\tdocker container prune\n",
        [("操作docker容器 › 清理所有处于中止状态的容器：用哪个命令？", "`docker container prune`")],
    ),
    "a sub-section line with nothing under it is an item of its section": (
        "## Docker构建\n> manifest 构建多种系统支持的docker镜像\n",
        [
            ("Docker构建 › `manifest` 的作用是什么？", "构建多种系统支持的docker镜像"),
            ("Docker构建 › 构建多种系统支持的docker镜像：是哪个？", "`manifest`"),
        ],
    ),
    "fenced code stays whole, blank lines and all": (
        "## 脚本\n\t启动服务\n\t```bash\n\tdocker compose up -d\n\n\t# done\n\t```\n",
        [("脚本 › 启动服务：怎么做？", "```bash\ndocker compose up -d\n\n# done\n```")],
    ),
    "nested key：value lines also get their own card": (
        "## Dockerfile配置指令\n\tcmd\n\t\tshell格式：cmd 命令\n",
        [
            ("Dockerfile配置指令 › `cmd` 怎么用？", "shell格式：`cmd 命令`"),
            ("Dockerfile配置指令 › cmd › shell格式：？", "`cmd 命令`"),
        ],
    ),
    "deeper nesting becomes nested lists, with commands as code spans": (
        "## 网络\n\t网络模式\n\t\tbridge 默认的网络模式\n\t\t\t容器通过虚拟网桥通信\n"
        "\t\t\tdocker network ls\n\t\thost 与宿主机共享网络\n",
        [
            (
                "网络 › 网络模式：要点是什么？",
                "- `bridge` 默认的网络模式\n    - 容器通过虚拟网桥通信\n"
                "    - `docker network ls`\n- `host` 与宿主机共享网络",
            ),
            (
                "网络 › 网络模式 › `bridge` 的作用是什么？",
                "默认的网络模式\n\n- 容器通过虚拟网桥通信\n\n```sh\ndocker network ls\n```",
            ),
            # A name with its meaning under a heading-like item is asked for on its own too.
            ("网络 › 网络模式 › `host` 的作用是什么？", "与宿主机共享网络"),
            ("网络 › 网络模式 › 与宿主机共享网络：是哪个？", "`host`"),
        ],
    ),
    "headings nest into the question's context": (
        "# Docker\n## 网络\n> 端口\n\texpose 声明容器时提供的端口\n",
        [
            ("Docker › 网络 › 端口 › `expose` 的作用是什么？", "声明容器时提供的端口"),
            ("Docker › 网络 › 端口 › 声明容器时提供的端口：是哪个？", "`expose`"),
        ],
    ),
    "an item asking for a difference completes the question": (
        "> 导入\n\tdocker import和docker load的区别\n\t\tdocker load 保存记录完整，体积也更大。\n",
        [
            (
                "导入 › `docker import`和`docker load`的区别是什么？",
                "`docker load` 保存记录完整，体积也更大。",
            )
        ],
    ),
    "the same question twice becomes one card with both answers": (
        "## 基础\n\t端口：80\n\t端口：443\n",
        [("基础 › 端口：？", "80\n\n443")],
    ),
    "markup characters in notes are shown, not interpreted": (
        "## 记号\n\t强调：用 *星号* 和 <b>\n",
        [("记号 › 强调：？", "用 \\*星号\\* 和 &lt;b&gt;")],
    ),
}


ENGLISH_RULES = {
    "a word and a dash before what it is, and a status code, are keys": (
        "## HTTP methods\n\tGET - read a resource\n\tPATCH - partial update\n"
        "> Status codes\n\t404 Not Found\n",
        [
            ("HTTP methods › GET: ?", "read a resource"),
            ("HTTP methods › PATCH: ?", "partial update"),
            ("HTTP methods › Status codes › 404: ?", "Not Found"),
        ],
    ),
    "in English prose a command is its name and what looks like code, not the sentence": (
        "## Resolving conflicts\n\t1. git status to see conflicted files\n"
        "\t2. git add the fixed files\n\t3. git push -u origin main\n",
        [
            (
                "Resolving conflicts › The 3 steps, in order?",
                "1. `git status` to see conflicted files\n2. `git add` the fixed files\n"
                "3. `git push -u origin main`",
            )
        ],
    ),
    "A vs B asks for the difference; an English sentence is prose, command or not": (
        "## Permissions\n\tsudo vs su\n\t\tsudo runs one command as root with your own password\n"
        "\t\tsu switches to another user\n",
        [
            (
                "Permissions › What is the difference between `sudo` and `su`?",
                "- `sudo` runs one command as root with your own password\n"
                "- su switches to another user",
            )
        ],
    ),
    "prose around commands is not in their list; a meaning may end in a question mark": (
        "## S3\n\tbucket names are globally unique\n\taws s3 ls  # list buckets\n"
        "\tlifecycle rules move objects to cheaper classes\n"
        "## IAM\n\taws sts get-caller-identity # who am I?\n",
        [
            (
                "S3: key points?",
                "- bucket names are globally unique\n"
                "- lifecycle rules move objects to cheaper classes",
            ),
            ("S3 › What does `aws s3 ls` do?", "list buckets"),
            ("S3 › Which command: list buckets?", "`aws s3 ls`"),
            ("IAM › What does `aws sts get-caller-identity` do?", "who am I?"),
            ("IAM › Which command: who am I?", "`aws sts get-caller-identity`"),
        ],
    ),
    "English key: value lines keep their colon, and a sentence with a slash is not code": (
        "## TCP vs UDP\n\tDifference between TCP and UDP\n\t\tTCP: connection oriented, reliable\n"
        "\t\tUDP: connectionless, fast\n> Headers\n"
        "\tContent-Type: type of the body, e.g. application/json\n",
        [
            (
                "TCP vs UDP › What is the difference between TCP and UDP?",
                "- TCP: connection oriented, reliable\n- UDP: connectionless, fast",
            ),
            (
                "TCP vs UDP › Difference between TCP and UDP › TCP: ?",
                "connection oriented, reliable",
            ),
            ("TCP vs UDP › Difference between TCP and UDP › UDP: ?", "connectionless, fast"),
            ("TCP vs UDP › Headers › Content-Type: ?", "type of the body, e.g. application/json"),
        ],
    ),
    "English notes get English questions": (
        "# Git\n## Basics\n- git init  # create a repository\n"
        "- Staging area: the index between working tree and commits\n"
        "- rebase rewrites commits on top of another base\n    git rebase main\n",
        [
            ("Git › Basics › What does `git init` do?", "create a repository"),
            ("Git › Basics › Which command: create a repository?", "`git init`"),
            ("Git › Basics › Staging area: ?", "the index between working tree and commits"),
            (
                "Git › Basics › rebase rewrites commits on top of another base: how?",
                "```sh\ngit rebase main\n```",
            ),
        ],
    ),
    "English steps, and two lists of the same length in one section": (
        "## Deploy\n1. git pull\n2. make\n\n- Kubernetes\n- Nomad\n\n- docker swarm\n- podman\n",
        [
            ("Deploy › The 2 commands, in order?", "1. `git pull`\n2. `make`"),
            ("Deploy › The 4 items?", "- Kubernetes\n- Nomad\n- `docker swarm`\n- `podman`"),
        ],
    ),
    "commands with meanings and bare terms are separate lists": (
        "## Tools\n- git init  # create\n- git status # show changes\n- git log # history\n"
        "- Kubernetes\n- Nomad\n- Podman\n",
        [
            ("Tools › What does `git init` do?", "create"),
            ("Tools › Which command: create?", "`git init`"),
            (
                "Tools › The 3 commands?",
                "- `git init` — create\n- `git status` — show changes\n- `git log` — history",
            ),
            ("Tools › What does `git status` do?", "show changes"),
            ("Tools › Which command: show changes?", "`git status`"),
            ("Tools › What does `git log` do?", "history"),
            ("Tools › Which command: history?", "`git log`"),
            ("Tools › The 3 tools?", "- Kubernetes\n- Nomad\n- Podman"),
        ],
    ),
}


@pytest.mark.parametrize("name", list(ENGLISH_RULES))
def test_english_rule(name):
    notes, expected = ENGLISH_RULES[name]
    assert [(c.question, c.answer) for c in compile_notes(notes, deck="Notes")] == expected


@pytest.mark.parametrize("name", list(RULES))
def test_rule(name):
    notes, expected = RULES[name]
    assert cards(notes) == expected
