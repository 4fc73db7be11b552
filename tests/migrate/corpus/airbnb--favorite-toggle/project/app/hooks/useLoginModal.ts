// Stand-in for the zustand login-modal store.
let isOpen = false;

const useLoginModal = () => ({
  isOpen,
  onOpen: () => {
    isOpen = true;
  },
  onClose: () => {
    isOpen = false;
  },
});

export default useLoginModal;
