#include "util/system_error_text.hpp"

#include <cerrno>
#include <cstring>

#include "util/i18n.hpp"

namespace coach {

std::string system_error_text(int error_number) {
  // The limit is named, as for `ulimit -f`: the file or folder named with it is not at fault.
  if (language() == Language::en)
    return std::string(std::strerror(error_number)) +
           (error_number == EMFILE ? " (ulimit -n)" : "");
  switch (error_number) {
    case ENOENT:
      return "文件或目录不存在";
    case EACCES:
    case EPERM:
      return "没有权限";
    case ENOSPC:
      return "磁盘空间不足";
    case EROFS:
      return "文件系统是只读的";
    case EISDIR:
      return "这是一个目录";
    case ENOTDIR:
      return "路径中有一部分不是目录";
    case ENAMETOOLONG:
      return "文件名太长";
    case EFBIG:
      return "文件超出了允许的大小(ulimit -f)";
    case EDQUOT:
      return "超出磁盘配额";
    case EIO:
      return "输入输出错误";
    case ELOOP:
      return "符号链接层数太多(可能是循环)";
    case EBADF:  // `>&-`: the stream was closed before coach started
      return "文件描述符无效(输出已关闭?)";
    case EMFILE:
      return "打开的文件太多(ulimit -n)";
    case ENFILE:
      return "打开的文件太多";
    case EAGAIN:  // a thread not started under a memory limit, among others
      return "资源暂时不可用";
    case ENOMEM:
      return "内存不足";
    default:
      return std::strerror(error_number);
  }
}

}  // namespace coach
