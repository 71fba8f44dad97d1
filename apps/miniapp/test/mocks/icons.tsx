// Every icon of @nutui/icons-react-taro as an empty <i>.
function Icon() {
  return <i />;
}

module.exports = new Proxy(
  {},
  {
    get(_target, key) {
      if (key === '__esModule') return true;
      return Icon;
    },
  },
);
